import { useState, type FormEvent } from "react";
import type { TMe } from "@signpost/contracts";
import { api, setCsrfToken } from "./trpc.ts";

/** Email + password sign-in; the session lives in an httpOnly cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: TMe) => void }) {
  const [error, setError] = useState("");
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    try {
      const me = await api.identity.auth.signIn.mutate({
        email: field("email"),
        password: field("password"),
      });
      setCsrfToken(me.csrfToken);
      onSignedIn(me);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Sign-in failed");
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="sign in">
      <h2>Sign in</h2>
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>{" "}
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>{" "}
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
