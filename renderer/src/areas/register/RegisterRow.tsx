// One row of the register grid. Memoised: while scrolling only the rows that come into view render; the rest keep
// their props (the same row object from its window, the same offset) and are skipped.
import type { Column } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { PersonRow } from '../../../../shared/register';
import { metaOf } from './columns';

interface Props {
  index: number;
  /** offset inside the body, from the virtualiser */
  top: number;
  data: PersonRow | undefined;
  cols: Column<PersonRow>[];
  focused: boolean;
  t: TFunction;
  onPick(index: number, id: string | undefined): void;
}

export const RegisterRow = memo(function RegisterRow({ index, top, data, cols, focused, t, onPick }: Props) {
  return (
    <div
      id={`reg-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={focused}
      className={focused ? 'reg-row reg-focus' : 'reg-row'}
      // the one per-row inline style: the virtualiser's offset, set through the CSSOM
      style={{ transform: `translateY(${top}px)` }}
      data-person={data?.id}
      onClick={() => onPick(index, data?.id)}
    >
      {data ? (
        cols.map((c) => {
          const meta = metaOf(c.columnDef);
          return (
            <div key={c.id} role="gridcell" className={`reg-cell col-${c.id}${meta.numeric ? ' num' : ''}`} title={meta.title(data, t)}>
              {/* a block of its own: an ellipsis applies to a block's text, not to a flex container's */}
              <span className="cell-text">{meta.render(data, t)}</span>
            </div>
          );
        })
      ) : (
        <div role="gridcell" className="reg-cell reg-loading">
          {t('register.loadingRows')}
        </div>
      )}
    </div>
  );
});
