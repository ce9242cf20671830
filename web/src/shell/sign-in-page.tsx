import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { meKey } from "../session.ts";
import { api, setCsrfToken } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { useTitle } from "./use-title.ts";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Email + password; the session lives in an httpOnly cookie, the app keeps its CSRF token. */
export function SignInPage() {
  useTitle("Sign in");
  const client = useQueryClient();
  const [showWorkspace, setShowWorkspace] = useState(false);
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string; workspace?: string }) =>
      api.identity.auth.signIn.mutate(input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.setQueryData(meKey, me);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const workspace = text(form, "workspace").trim();
    signIn.mutate({
      email: text(form, "email").trim(),
      password: text(form, "password"),
      ...(workspace ? { workspace } : {}),
    });
  };
  return (
    <main id="main" className="signin">
      <h1>Sign in to Signpost</h1>
      <form onSubmit={submit} className="card stack" aria-label="Sign in">
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {showWorkspace ? (
          <label className="field">
            <span>Workspace</span>
            <input name="workspace" autoComplete="organization" placeholder="your-company" />
          </label>
        ) : (
          <button type="button" className="link-button" onClick={() => setShowWorkspace(true)}>
            Sign in to another workspace
          </button>
        )}
        {signIn.isError && <ErrorNotice error={signIn.error} />}
        <button type="submit" className="button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
