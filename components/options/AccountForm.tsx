import type { FieldSpec } from '../../utils/accounts/forms';
import { t } from '../../utils/i18n';
import type { NetworkId } from '../../utils/networks/ids';
import { NETWORK_HELP } from '../../utils/setup';

// Networks whose connect form carries its steps and permissions (Instagram's token needs two scopes
// and an app product the officer must pick: issue 20).
const HELP_IN_FORM: readonly NetworkId[] = ['instagram'];

interface Props {
  network: NetworkId;
  fields: FieldSpec[];
  values: Record<string, string>;
  invalid?: string;
  disabled: boolean;
  onChange(key: string, value: string): void;
}

// Addresses are typed without https:// ("mastodon.go.id"), which type=url would refuse silently.
const INPUT_TYPES = { secret: 'password', date: 'date', url: 'text', text: 'text' } as const;

/** The inputs of one network's connect form; secrets are password inputs the browser does not autofill. */
export function AccountForm({ network, fields, values, invalid, disabled, onChange }: Props) {
  return (
    <div class="account-fields">
      {HELP_IN_FORM.includes(network) && (
        <p class="help-steps" data-testid={`account-${network}-help`}>
          {t(NETWORK_HELP[network])}
        </p>
      )}
      {fields.map((spec) => (
        <label key={spec.key} class="field">
          <span class="field-label">{t(spec.label)}</span>
          <input
            // Preact's typings tie `type` to a role union; any of these four is a plain text-like input.
            type={INPUT_TYPES[spec.kind] as 'text'}
            name={spec.key}
            data-testid={`account-${network}-${spec.key}`}
            value={values[spec.key] ?? ''}
            placeholder={spec.placeholder}
            required={spec.required}
            disabled={disabled}
            autocomplete={spec.kind === 'secret' ? 'new-password' : 'off'}
            spellcheck={false}
            aria-invalid={invalid === spec.key}
            onInput={(event) => onChange(spec.key, event.currentTarget.value)}
          />
          {spec.hint && (
            <small class="field-hint" data-testid={`account-${network}-${spec.key}-hint`}>
              {t(spec.hint)}
            </small>
          )}
        </label>
      ))}
    </div>
  );
}
