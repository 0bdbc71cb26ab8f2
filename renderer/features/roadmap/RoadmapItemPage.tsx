/** One roadmap item (`#/roadmap/<key>`): its fields, RICE score, and the requirements and stories that deliver it. */
import { historyHash } from '../../workbench/route.js';
import { useCallback, useId, useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { Lane, RoadmapItem } from '../../../shared/model/roadmapModel.js';
import { lanes, roadmapStatuses } from '../../../shared/model/roadmapModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { HashLink } from '../../ui/HashLink.js';
import { EvidencePanel, ItemReleases, evidenceByKey, evidenceCount, evidenceOf } from '../evidence/index.js';
import { CommitField } from './CommitField.js';
import { DeleteItemButton } from './DeleteItemButton.js';
import { DeletedItemNotice } from './DeletedItemNotice.js';
import type { DeletedItem } from './itemRemoval.js';
import { ReadOnlyText } from './ReadOnlyText.js';
import { DeliveringRequirements } from './DeliveringRequirements.js';
import { quarterOptions, quarterTitle } from './quarterTimeline.js';
import { RiceFields } from './RiceFields.js';
import type { Delivery } from './roadmapLanes.js';
import { statusLabel } from '../../ui/statusLabel.js';
import { deliveryOf, laneTitles } from './roadmapLanes.js';
import type { SaveState } from './useItemSaver.js';
import { useItemSaver } from './useItemSaver.js';
import './roadmap.css';

export interface RoadmapItemPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  itemKey: string;
}

export function RoadmapItemPage({ api, workspace, navigate, itemKey }: RoadmapItemPageProps) {
  const item = workspace.roadmapByKey.get(itemKey);
  const delivery = useMemo(() => deliveryOf(workspace.documents, itemKey), [workspace.documents, itemKey]);
  // Kept here, above the form, so the page can offer Undo once the item is gone.
  const [deleted, setDeleted] = useState<DeletedItem | undefined>(undefined);
  // Undo writes the item back before it relinks its notes: the notice stays until the last note is
  // written (or says why one was not), instead of giving way to the form as soon as the item is back.
  const [undoing, setUndoing] = useState(false);
  if (deleted?.item.key === itemKey && (!item || undoing)) {
    return (
      <div className="roadmap-item view">
        <Breadcrumb itemKey={itemKey} navigate={navigate} />
        <DeletedItemNotice
          api={api}
          workspace={workspace}
          navigate={navigate}
          deleted={deleted}
          onUndo={() => setUndoing(true)}
          onRestored={() => {
            setDeleted(undefined);
            setUndoing(false);
          }}
        />
      </div>
    );
  }
  if (!item) {
    return (
      <div className="roadmap-item view">
        <Breadcrumb itemKey={itemKey} navigate={navigate} />
        <h1 className="view__title">
          {workspace.status === 'loading' ? 'Loading…' : `No roadmap item ${itemKey}`}
        </h1>
        {workspace.status !== 'loading' && (
          <p className="view__subtitle">It may have been removed from roadmap.json.</p>
        )}
      </div>
    );
  }
  return (
    <ItemForm
      key={item.key}
      api={api}
      workspace={workspace}
      navigate={navigate}
      item={item}
      delivery={delivery}
      onDeleted={setDeleted}
    />
  );
}

function Breadcrumb({ itemKey, navigate }: { itemKey: string; navigate: (hash: string) => void }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <HashLink hash="#/roadmap" navigate={navigate}>
        Roadmap
      </HashLink>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{itemKey}</span>
    </nav>
  );
}

interface ItemFormProps extends Omit<RoadmapItemPageProps, 'itemKey'> {
  item: RoadmapItem;
  delivery: Delivery;
  onDeleted: (deleted: DeletedItem) => void;
}

function ItemForm({ api, workspace, navigate, item, delivery, onDeleted }: ItemFormProps) {
  const id = useId();
  const { update } = workspace;
  const refreshRoadmap = useCallback(() => update({ roadmap: true }), [update]);
  const { state, save } = useItemSaver(api, item.key, refreshRoadmap);
  const readOnly = !(workspace.info?.writable ?? false);
  const quarters = useMemo(
    () => quarterOptions([...workspace.roadmap.map((entry) => entry.quarter)], new Date()),
    [workspace.roadmap],
  );
  const themes = useMemo(() => distinct(workspace.roadmap.map((entry) => entry.theme)), [workspace.roadmap]);
  const owners = useMemo(() => distinct(workspace.roadmap.map((entry) => entry.owner)), [workspace.roadmap]);
  const evidence = useMemo(
    () => evidenceOf(evidenceByKey(workspace.documents), item.key),
    [workspace.documents, item.key],
  );

  return (
    <div className="roadmap-item view">
      <Breadcrumb itemKey={item.key} navigate={navigate} />
      <header className="roadmap-item__header">
        <span className="key-chip key-chip--large">{item.key}</span>
        <h1 className="title-heading roadmap-item__heading">
          <CommitField
            label="Title"
            className="roadmap-item__title"
            value={item.title}
            readOnly={readOnly}
            maxLength={500}
            validate={(value) => (value.trim() ? undefined : 'A roadmap item needs a title.')}
            onCommit={(title) => void save({ title: title.trim() })}
          />
        </h1>
        <SaveIndicator state={state} readOnly={readOnly} />
        <a href={historyHash(item.key)} aria-label={`History of ${item.key}`}>
          History
        </a>
        {!readOnly && <DeleteItemButton api={api} item={item} workspace={workspace} onDeleted={onDeleted} />}
      </header>
      <div className="roadmap-item__layout">
        <div className="roadmap-item__main">
          <section aria-labelledby={`${id}-description`} className="panel">
            <h2 id={`${id}-description`} className="panel__title">
              Description
            </h2>
            {readOnly ? (
              <ReadOnlyText text={item.description} empty="No description yet." />
            ) : (
              <CommitField
                label="Description"
                multiline
                value={item.description}
                maxLength={100_000}
                placeholder="Why this matters, for whom, and what success looks like."
                onCommit={(description) => void save({ description })}
              />
            )}
          </section>
          <section aria-labelledby={`${id}-release-note`} className="panel">
            <h2 id={`${id}-release-note`} className="panel__title">
              Release note <span className="panel__count">for customers</span>
            </h2>
            {readOnly ? (
              <ReadOnlyText
                text={item.releaseNote ?? ''}
                empty="No release note: customers see the title alone."
              />
            ) : (
              <CommitField
                label="Release note"
                multiline
                value={item.releaseNote ?? ''}
                maxLength={10_000}
                placeholder="What customers read about this in the release notes. Left empty, they see the title alone; the description above stays the team's."
                onCommit={(releaseNote) => void save({ releaseNote: releaseNote.trim() || null })}
              />
            )}
          </section>
          <DeliveringRequirements
            itemKey={item.key}
            delivery={delivery}
            workspace={workspace}
            navigate={navigate}
          />
          <EvidencePanel evidence={evidence} navigate={navigate} />
        </div>
        <aside className="roadmap-item__side" aria-label="Properties">
          <div className="panel item-properties">
            <label htmlFor={`${id}-lane`}>Lane</label>
            <select
              id={`${id}-lane`}
              className="select"
              disabled={readOnly}
              value={item.lane}
              onChange={(event) => void save({ lane: event.target.value as Lane })}
            >
              {lanes.map((lane) => (
                <option key={lane} value={lane}>
                  {laneTitles[lane]}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-quarter`}>Quarter</label>
            <select
              id={`${id}-quarter`}
              className="select"
              disabled={readOnly}
              value={item.quarter ?? ''}
              onChange={(event) => void save({ quarter: event.target.value || null })}
            >
              <option value="">No quarter</option>
              {quarters.map((quarter) => (
                <option key={quarter} value={quarter}>
                  {quarterTitle(quarter)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              className="select"
              disabled={readOnly}
              value={item.status}
              onChange={(event) => void save({ status: event.target.value as RoadmapItem['status'] })}
            >
              {roadmapStatuses.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-theme`}>Theme</label>
            <span>
              <CommitField
                id={`${id}-theme`}
                label="Theme"
                value={item.theme ?? ''}
                readOnly={readOnly}
                maxLength={200}
                list={`${id}-themes`}
                onCommit={(theme) => void save({ theme: theme.trim() || null })}
              />
            </span>
            <label htmlFor={`${id}-owner`}>Owner</label>
            <span>
              <CommitField
                id={`${id}-owner`}
                label="Owner"
                value={item.owner ?? ''}
                readOnly={readOnly}
                maxLength={200}
                list={`${id}-owners`}
                onCommit={(owner) => void save({ owner: owner.trim() || null })}
              />
            </span>
            <ItemReleases api={api} workspace={workspace} navigate={navigate} itemKey={item.key} />
            <datalist id={`${id}-themes`}>
              {themes.map((theme) => (
                <option key={theme} value={theme} />
              ))}
            </datalist>
            <datalist id={`${id}-owners`}>
              {owners.map((owner) => (
                <option key={owner} value={owner} />
              ))}
            </datalist>
          </div>
          <div className="panel">
            <RiceFields
              rice={item.rice}
              readOnly={readOnly}
              reachEvidence={evidence.notes.length > 0 ? evidenceCount(evidence) : undefined}
              onCommit={(rice) => void save({ rice })}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}

function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  const text = readOnly
    ? 'Read-only'
    : state.status === 'saving'
      ? 'Saving…'
      : state.status === 'failed'
        ? `Not saved: ${state.message}`
        : 'Saved';
  return (
    <span
      role="status"
      aria-label="Item save state"
      className={`save-indicator save-indicator--${state.status}`}
    >
      {text}
    </span>
  );
}

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))].sort();
}
