// "Or edit": the resolver types a third value, judged by the field's own form schema here and again in the core.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseDateInput } from '../../../../shared/register';
import { camelCase } from '../../../../shared/register/columns';
import { editableField, parseEdit, type ConflictEntry, type EditValue as Value } from '../../../../shared/replication/conflicts';
import { Form } from '../../components/Form';
import type { UiError } from '../../components/FormError';
import { FormField } from '../register/FormField';
import { SECTIONS, toInput, toText, type FieldKind, type FieldSpec } from '../register/personFields';
import { issueError } from '../register/validation';

const PERSON_SPECS = new Map(SECTIONS.flatMap((s) => s.fields).map((f) => [f.name as string, f]));

/** The person form's control for the field; other records' fields are text. Yes/no and lists are decided by keeping a side. */
function specOf(c: ConflictEntry): FieldSpec | null {
  const name = editableField(c.tbl, c.field);
  if (!name) return null;
  const spec: FieldSpec = (c.tbl === 'persons' ? PERSON_SPECS.get(name) : undefined) ?? { name: name as FieldSpec['name'], kind: 'text' as FieldKind };
  return spec.kind === 'bool' || spec.kind === 'list' ? null : spec;
}

export function canEdit(c: ConflictEntry): boolean {
  return specOf(c) !== null;
}

export function EditValue({
  conflict,
  label,
  busy,
  onSave,
  onCancel,
}: {
  conflict: ConflictEntry;
  label: string;
  busy: boolean;
  onSave(v: Value): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const spec = specOf(conflict)!;
  const [text, setText] = useState(() => toText(conflict.mine.value));
  const [error, setError] = useState<UiError | null>(null);

  const save = () => {
    const typed = spec.kind === 'date' && text.trim() ? normaliseDateInput(text) : text;
    setText(typed);
    const value = toInput({ [spec.name]: typed }, [spec])[spec.name] as Value;
    const parsed = parseEdit(conflict.tbl, conflict.field, Number.isNaN(value) ? typed : value);
    if (!parsed.success) return setError(issueError(parsed.error.issues[0]!, value));
    setError(null);
    onSave(value);
  };

  return (
    <Form className="conflict-edit" onSubmit={save} label={t('conflicts.editTitle')}>
      <FormField
        label={label}
        kind={spec.kind}
        value={text}
        onChange={setText}
        error={error ?? undefined}
        hint={t('conflicts.editHint')}
        autoFocus
        wide={spec.wide}
        id={`conflict-edit-${conflict.id}-${camelCase(conflict.field)}`}
      />
      <div className="conflict-edit-actions">
        <button type="submit" disabled={busy}>
          {t('conflicts.editSave')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('conflicts.editCancel')}
        </button>
      </div>
    </Form>
  );
}
