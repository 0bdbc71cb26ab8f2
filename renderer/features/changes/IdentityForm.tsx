/** git has no name for this person yet: ask once, and keep it in this repository's own git config. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';

export function IdentityForm({ api, onSaved }: { api: SpecbenchApi; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.gitSetIdentity({ name: name.trim(), email: email.trim() });
    if (!result.ok) return setError(result.message);
    onSaved();
  };
  return (
    <form
      className="identity-form banner banner--warning"
      aria-label="Your name for commits"
      onSubmit={(event) => void save(event)}
    >
      <p>Before you commit, tell git who you are: your name and email go with each change you share.</p>
      <div className="identity-form__fields">
        <label>
          Name
          <input
            value={name}
            required
            autoComplete="name"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          Email
          <input
            type="email"
            value={email}
            required
            autoComplete="email"
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={name.trim() === '' || email.trim() === ''}>
          Save
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
