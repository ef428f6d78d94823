import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

const PHONE_VIEWPORT = { width: 390, height: 844 };

test("a leader invites a facilitator, who sets a password; then the leader issues a reset link", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const stamp = Date.now();
  const name = `Invited Facilitator ${stamp}`;
  const email = `e2e-invited-${stamp}@example.org`;

  await signIn(page, DEMO.leader);
  await page.goto("/settings/staff");
  await expect(page.getByRole("heading", { name: "Staff", level: 2 })).toBeVisible();
  await expect(page.getByRole("row", { name: /Dana Whitfield/ })).toContainText("Active");
  await expectAccessible(page);

  // No role is chosen in advance: the leader picks one on purpose, or is asked to.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await expect(page.getByLabel("Role")).toHaveValue("");
  await page.getByRole("button", { name: "Create the invitation" }).click();
  await expect(page.getByText("Choose a role.")).toBeVisible();
  await expect(page.getByLabel("Role")).toHaveAttribute("aria-invalid", "true");

  // A school team member needs a school: the problem is announced and nothing is created.
  await page.getByLabel("Role").selectOption("school");
  await page.getByRole("button", { name: "Create the invitation" }).click();
  await expect(page.getByText("Choose the school of this school team member.")).toBeVisible();
  await expect(page.getByLabel(/^School/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Role").selectOption("facilitator");
  await page.getByRole("button", { name: "Create the invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is invited` })).toBeVisible();
  const linkField = page.getByLabel(`Link for ${name}`);
  const invitation = await linkField.inputValue();
  expect(invitation).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]{43}$/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Invited");
  // The Copy button works from the keyboard.
  await page.getByRole("button", { name: "Copy" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitation);
  await expectAccessible(page);

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(invitation);
  await expect(inviteePage.getByRole("heading", { name: "Welcome to Riverbend Unified School District", level: 1 })).toBeVisible();
  await expect(inviteePage.getByText("Dana Whitfield invited you")).toBeVisible();
  await expect(inviteePage.getByText(/on Groundwork as a facilitator\./)).toBeVisible();
  await expectAccessible(inviteePage);
  await inviteePage.getByLabel(/^New password/).fill("a passphrase to remember");
  await inviteePage.getByLabel("Confirm the new password").fill("a different passphrase");
  await inviteePage.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(inviteePage.getByText("The two passwords do not match.")).toBeVisible();
  await expectAccessible(inviteePage);
  await inviteePage.getByLabel(/^New password/).fill("a passphrase to remember");
  await inviteePage.getByLabel("Confirm the new password").fill("a passphrase to remember");
  await inviteePage.getByRole("button", { name: "Save password and sign in" }).click();
  await inviteePage.waitForURL(/\/dashboard$/);
  await expect(inviteePage.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(inviteePage.getByRole("link", { name: `Signed in as ${name}` })).toBeVisible();
  await expectAccessible(inviteePage);

  // The invitation was used up.
  const reused = await inviteePage.goto(invitation);
  expect(reused?.status()).toBe(410);
  await expect(inviteePage.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expectAccessible(inviteePage);

  await page.goto("/settings/staff");
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Active");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create a password reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: `A password reset link for ${name} is ready` })).toBeVisible();
  const reset = await page.getByLabel(`Link for ${name}`).inputValue();
  expect(reset).toMatch(/\/invite\/[\w-]{43}$/);
  expect(reset).not.toBe(invitation);
  await expectAccessible(page);

  await inviteePage.goto(reset);
  await expect(inviteePage.getByRole("heading", { name: "Choose a new password", level: 1 })).toBeVisible();
  await expect(inviteePage.getByText(email)).toBeVisible();
  await expectAccessible(inviteePage);
  await invitee.close();
});

test("forgot password points to the district leader when the server sends no email", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Ask your district leader");
  await expect(page.getByRole("button", { name: "Send the link" })).toHaveCount(0);
  await expectAccessible(page);
});

test("my account lists this session and works in Spanish on a phone", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "es-MX",
    extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" },
    viewport: PHONE_VIEWPORT,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, DEMO.facilitator);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Mi cuenta", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sesiones iniciadas", level: 2 })).toBeVisible();
  await expect(page.getByText("Esta sesión")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/account-phone-es.png", fullPage: true });

  // A wrong current password is refused, in Spanish.
  await page.getByLabel("Contraseña actual").fill("no es la contraseña");
  await page.getByLabel(/^Nueva contraseña/).fill("una frase nueva y larga");
  await page.getByLabel("Confirme la nueva contraseña").fill("una frase nueva y larga");
  await page.getByRole("button", { name: "Cambiar la contraseña" }).click();
  await expect(page.getByText("La contraseña actual no es correcta.")).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("the staff page fits a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, DEMO.leader);
  await page.goto("/settings/staff");
  await expect(page.getByRole("heading", { name: "Invite a colleague", level: 3 })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/staff-phone.png", fullPage: true });
  await page.getByRole("link", { name: "Marco Reyes" }).click();
  await expect(page.getByRole("heading", { name: "Marco Reyes", level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/staff-member-phone.png", fullPage: true });
  await context.close();
});
