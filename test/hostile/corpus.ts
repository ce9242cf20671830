/** Classic SQL injection attempts: each must be stored or refused as plain text, never run. */
export const sqlInjections = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE ticket.tickets; --",
  '"; DROP TABLE kb.articles; --',
  "1; SELECT pg_sleep(10); --",
  "' UNION SELECT id, subject, description FROM ticket.tickets --",
  "%' AND 1=0 UNION ALL SELECT NULL, current_user, version() --",
  "\\'; COPY (SELECT '') TO PROGRAM 'id'; --",
  "$$; select 1; $$",
  "' || (select string_agg(email, ',') from identity.users) || '",
  "admin'--",
  "1' AND SLEEP(5)#",
  "%",
  "_",
  "\\",
];

/** Classic stored-XSS payloads: they must come back as data, byte for byte, never as markup. */
export const xssPayloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)//",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  '![x](x" onerror="alert(1))',
  "<body onload=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<details open ontoggle=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
];

/** Text that stresses encodings: right-to-left marks, zero-width joiners, lone surrogates, NULs. */
export const awkwardText = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202Egnp.exe",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\uD800",
  "\uDFFF\uD800",
  "Ω≈ç√∫˜µ≤≥÷",
  "ﷺ",
  "\r\n\r\nHTTP/1.1 200 OK\r\n",
  "../../../../etc/passwd",
  "${jndi:ldap://127.0.0.1/a}",
  "__proto__",
  "constructor",
];
