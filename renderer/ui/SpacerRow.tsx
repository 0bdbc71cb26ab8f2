/** Stands in for the rows of a virtualized table that are not rendered (see useVirtualRows). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
