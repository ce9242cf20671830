/** A few articles and tickets so a fresh install has something to look at. */
export const demoArticles = [
  {
    slug: "reset-your-password",
    title: "Reset your password",
    summary: "Get back into your account when you have forgotten your password.",
    category: "account",
    body: "## Reset from the sign-in page\n\nChoose **Forgot password?** on the sign-in page and enter the email you signed up with. We send a link that works for one hour.\n\n## No email arrived\n\nCheck your spam folder, and make sure the address is the one on your account. Links expire after an hour: request a new one if yours has.",
  },
  {
    slug: "update-billing-details",
    title: "Update your billing details or card",
    summary: "Change the card we charge, your billing address or VAT number.",
    category: "billing",
    body: "## Change your card\n\nOpen **Settings → Billing**, choose **Payment method** and add the new card. The old card is removed once the new one is verified.\n\n## Invoices\n\nEvery invoice is under **Settings → Billing → Invoices**, as PDF.",
  },
  {
    slug: "export-your-data",
    title: "Export your data as CSV",
    summary: "Download your projects, contacts and history as CSV files.",
    category: "technical",
    body: "## Start an export\n\nGo to **Settings → Data → Export** and pick what to include. Large exports run in the background; we email you a download link when it is ready.\n\n## Formats\n\nExports are UTF-8 CSV with a header row.",
  },
  {
    slug: "sso-setup",
    title: "Set up single sign-on (SAML)",
    summary: "Connect your identity provider so your team signs in with SSO.",
    category: "account",
    body: "## Before you start\n\nYou need the admin role and your identity provider's metadata URL.\n\n## Steps\n\n1. Open **Settings → Security → SSO**.\n2. Paste the metadata URL and save.\n3. Test with a second browser before enforcing SSO for everyone.",
  },
] as const;

export const demoTickets = [
  {
    subject: "Can't log in after changing my email",
    description:
      "I changed my email address yesterday and now the password reset link never arrives.",
    priority: "high",
    category: "account",
    resolve: true,
  },
  {
    subject: "Charged twice this month",
    description: "My card statement shows two charges for the November invoice.",
    priority: "urgent",
    category: "billing",
    resolve: false,
  },
  {
    subject: "CSV export has broken accents",
    description: "When I open the export in Excel, names like José show up as JosÃ©.",
    priority: "medium",
    category: "technical",
    resolve: false,
  },
] as const;
