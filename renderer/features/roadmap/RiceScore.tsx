import type { Rice } from '../../../shared/model/roadmapModel.js';
import { riceScore } from '../../../shared/model/roadmapModel.js';

export const scoreFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** The RICE score as cards and the timeline show it, with its formula on hover. */
export function RiceScore({ rice }: { rice: Rice }) {
  return (
    <span className="roadmap-card__score" title="RICE score: reach × impact × confidence ÷ effort">
      <span className="visually-hidden">RICE score </span>
      {scoreFormat.format(riceScore(rice))}
    </span>
  );
}
