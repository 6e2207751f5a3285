// clipqueue-cli mcp driven by the official MCP TypeScript SDK client, as Claude Desktop or VS Code
// would drive it: list the tools, probe media, validate a bad post and read its findings, create
// and schedule a good one, let the runner publish it on the TikTok stand-in, and read its status.
// Run by CTest (tst_mcp_sdk) after mcp_sdk.install; needs CLIPQUEUE_CLI, CLIPQUEUE_STANDIN and
// CLIPQUEUE_TEST_FIXTURES.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const cli = process.env.CLIPQUEUE_CLI;
const fixtures = process.env.CLIPQUEUE_TEST_FIXTURES;
const dataDir = mkdtempSync(join(tmpdir(), "clipqueue-mcp-sdk-"));

// The stand-in prints its port on its first line and serves until its stdin closes.
function startStandIn() {
  const standIn = spawn(process.env.CLIPQUEUE_STANDIN, [], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    standIn.on("error", reject);
    createInterface({ input: standIn.stdout }).once("line", (port) => resolve({ standIn, port: port.trim() }));
  });
}

function runCli(env, ...args) {
  const run = spawnSync(cli, args, { env, encoding: "utf8" });
  assert.equal(run.status, 0, `clipqueue-cli ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

function post(privacyLevel, scheduledFor = null, extra = {}) {
  const settings = privacyLevel ? { privacyLevel } : {};
  return {
    content: {
      text: "Launch clip #launch",
      media: [{ url: pathToFileURL(join(fixtures, "vertical.mp4")).href }],
      platformOverrides: { tiktok: { settings } },
    },
    scheduledFor,
    ...extra,
  };
}

async function main() {
  const { standIn, port } = await startStandIn();
  const env = {
    ...process.env,
    CLIPQUEUE_DATA_DIR: dataDir,
    CLIPQUEUE_TIKTOK_API_BASE: `http://127.0.0.1:${port}`,
    CLIPQUEUE_TIKTOK_CLIENT_KEY: "ck-test",
    CLIPQUEUE_TIKTOK_CLIENT_SECRET: "cs-test",
    CLIPQUEUE_TOKEN_STORE: "file",
  };
  try {
    runCli(env, "accounts", "import", "--open-id", "open-ana", "--access-token", "act.valid-token",
           "--refresh-token", "rft.initial", "--name", "Ana");

    const transport = new StdioClientTransport({ command: cli, args: ["mcp"], env, stderr: "inherit" });
    const client = new Client({ name: "sdk-test", version: "1.0.0" });
    await client.connect(transport); // initialize, version negotiation, notifications/initialized
    assert.equal(client.getServerVersion().name, "clipqueue");
    await client.ping();

    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name), [
      "media_probe", "posts_validate", "posts_create", "posts_schedule", "posts_list", "posts_get",
      "posts_cancel", "accounts_list", "account_sets_list",
    ]);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, "object", tool.name);
      assert.equal(tool.outputSchema.type, "object", tool.name);
    }

    // Every call below goes through the SDK's check of structuredContent against the output schema.
    const probe = await client.callTool({ name: "media_probe", arguments: { paths: [join(fixtures, "vertical.mp4")] } });
    assert.equal(probe.isError, false);
    assert.equal(probe.structuredContent.media[0].mimeType, "video/mp4");
    assert.match(probe.content[0].text, /1 file probed/);

    const bad = await client.callTool({ name: "posts_validate", arguments: { post: post(null, "2020-01-01T10:00:00Z") } });
    assert.equal(bad.isError, false, "findings are data, not an error");
    assert.equal(bad.structuredContent.valid, false);
    const codes = bad.structuredContent.findings.map((finding) => finding.code);
    assert.ok(codes.includes("privacy.required"), codes.join());
    assert.ok(codes.includes("schedule.in_past"), codes.join());
    const privacy = bad.structuredContent.findings.find((finding) => finding.code === "privacy.required");
    assert.equal(privacy.severity, "error");
    assert.equal(privacy.field, "/content/platformOverrides/tiktok/settings/privacyLevel");

    const accounts = await client.callTool({ name: "accounts_list", arguments: {} });
    const ana = accounts.structuredContent.accounts[0];
    assert.ok(ana.creator.privacyLevelOptions.includes("SELF_ONLY"));

    const good = await client.callTool({ name: "posts_validate", arguments: { post: post("SELF_ONLY") } });
    assert.equal(good.structuredContent.valid, true, JSON.stringify(good.structuredContent.findings));
    const created = await client.callTool({ name: "posts_create", arguments: { post: post("SELF_ONLY", null, { accounts: [ana.id] }) } });
    assert.equal(created.isError, false, created.content[0].text);
    const id = created.structuredContent.posts[0].id;
    assert.equal(created.structuredContent.posts[0].status, "draft");

    const due = new Date(Date.now() + 2000);
    const scheduled = await client.callTool({ name: "posts_schedule", arguments: { id, at: due.toISOString() } });
    assert.equal(scheduled.isError, false, scheduled.content[0].text);
    assert.equal(scheduled.structuredContent.post.status, "scheduled");

    // The runner publishes it once it is due; the agent then reads the outcome.
    while (Date.now() <= due.getTime()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    runCli(env, "run", "--once");
    const got = await client.callTool({ name: "posts_get", arguments: { id } });
    assert.equal(got.structuredContent.status, "published", got.content[0].text);
    assert.equal(got.structuredContent.attempts.length, 1);
    const agentEntries = got.structuredContent.history.filter((entry) => entry.actor === "agent:sdk-test");
    assert.deepEqual(agentEntries.map((entry) => entry.action), ["create", "schedule"]);

    const missing = await client.callTool({ name: "posts_get", arguments: { id: "no-such-post" } });
    assert.equal(missing.isError, true);
    assert.equal(missing.structuredContent.error.code, "not_found");

    await client.close();
    console.log("tst_mcp_sdk: PASS");
  } finally {
    standIn.stdin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error("tst_mcp_sdk: FAIL:", error);
  process.exitCode = 1;
});
