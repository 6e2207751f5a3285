#include "storage/Migrations.h"

namespace cq {

const QList<Migration> &schemaMigrations() {
    // Portable SQL: TEXT ids (UUIDs), BIGINT milliseconds since the epoch in UTC, INTEGER booleans.
    static const QList<Migration> migrations{
        {1,
         {
             QStringLiteral(
                 "CREATE TABLE accounts (id TEXT PRIMARY KEY, open_id TEXT NOT NULL UNIQUE, "
                 "display_name TEXT NOT NULL DEFAULT '', username TEXT NOT NULL DEFAULT '', "
                 "is_default INTEGER NOT NULL DEFAULT 0, creator_info_json TEXT, creator_info_at_ms BIGINT, "
                 "access_expires_at_ms BIGINT, refresh_expires_at_ms BIGINT, created_at_ms BIGINT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE posts (id TEXT PRIMARY KEY, status TEXT NOT NULL, "
                 "caption TEXT NOT NULL DEFAULT '', post_json TEXT NOT NULL, scheduled_at_ms BIGINT, "
                 "time_zone TEXT NOT NULL DEFAULT 'UTC', publish_id TEXT, created_by TEXT NOT NULL, "
                 "created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, "
                 "revision INTEGER NOT NULL DEFAULT 1)"),
             QStringLiteral(
                 "CREATE TABLE media_objects (sha256 TEXT PRIMARY KEY, size_bytes BIGINT NOT NULL, "
                 "mime_type TEXT NOT NULL DEFAULT '', created_at_ms BIGINT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE post_media (post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE, "
                 "position INTEGER NOT NULL, sha256 TEXT NOT NULL REFERENCES media_objects(sha256), "
                 "original_url TEXT NOT NULL, descriptor_json TEXT NOT NULL, PRIMARY KEY (post_id, "
                 "position))"),
             QStringLiteral("CREATE INDEX post_media_sha256 ON post_media(sha256)"),
             QStringLiteral(
                 "CREATE TABLE post_history (post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE, "
                 "seq INTEGER NOT NULL, at_ms BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
                 "from_status TEXT, to_status TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', "
                 "PRIMARY KEY (post_id, seq))"),
             QStringLiteral(
                 "CREATE TABLE publish_attempts (id TEXT PRIMARY KEY, "
                 "post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE, account_id TEXT, "
                 "runner TEXT NOT NULL, started_at_ms BIGINT NOT NULL, finished_at_ms BIGINT, "
                 "outcome TEXT NOT NULL, http_status INTEGER, error_code TEXT NOT NULL DEFAULT '', "
                 "error_message TEXT NOT NULL DEFAULT '', log_id TEXT NOT NULL DEFAULT '', publish_id TEXT)"),
             QStringLiteral("CREATE INDEX publish_attempts_post ON publish_attempts(post_id)"),
             QStringLiteral("CREATE TABLE workspace_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
         },
         // History is append-only: rows are never changed once written.
         {QStringLiteral("CREATE TRIGGER post_history_append_only BEFORE UPDATE ON post_history "
                         "BEGIN SELECT RAISE(ABORT, 'post history is append-only'); END")},
         {QStringLiteral("CREATE FUNCTION post_history_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                         "$$ BEGIN RAISE EXCEPTION 'post history is append-only'; END $$"),
          QStringLiteral("CREATE TRIGGER post_history_append_only BEFORE UPDATE ON post_history "
                         "FOR EACH ROW EXECUTE FUNCTION post_history_append_only()")}},
        // Runners claim due posts with a lease, so several of them can share one database; the queue
        // is read in schedule order ("as soon as possible", NULL, first), which the indexes serve.
        {2,
         {
             QStringLiteral("ALTER TABLE posts ADD COLUMN claimed_by TEXT"),
             QStringLiteral("ALTER TABLE posts ADD COLUMN lease_until_ms BIGINT"),
         },
         // SQLite sorts NULL first in ascending order already.
         {QStringLiteral("CREATE INDEX posts_status_schedule ON posts(status, scheduled_at_ms, id)"),
          QStringLiteral("CREATE INDEX posts_schedule ON posts(scheduled_at_ms, id)")},
         {QStringLiteral(
              "CREATE INDEX posts_status_schedule ON posts(status, scheduled_at_ms NULLS FIRST, id)"),
          QStringLiteral("CREATE INDEX posts_schedule ON posts(scheduled_at_ms NULLS FIRST, id)")}},
        // The queue filters by account and follows changes made elsewhere (by updated time); a
        // published post keeps TikTok's public post id for its link.
        {3,
         {
             QStringLiteral("ALTER TABLE posts ADD COLUMN account_id TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE posts ADD COLUMN public_post_id TEXT"),
             QStringLiteral("CREATE INDEX posts_updated ON posts(updated_at_ms)"),
             QStringLiteral("CREATE INDEX posts_account_schedule ON posts(account_id, scheduled_at_ms, id)"),
         },
         {},
         {}},
        // Deleting a post leaves a tombstone for a while, so that other windows on a team database
        // see the deletion the way they see changes: by time.
        {4,
         {
             QStringLiteral(
                 "CREATE TABLE post_deletions (post_id TEXT PRIMARY KEY, deleted_at_ms BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX post_deletions_time ON post_deletions(deleted_at_ms)"),
         },
         {},
         {}},
        // What each account allowed ClipQueue to do (TikTok's granted scopes, comma separated): an
        // account without video.publish can still send to the inbox. NULL: connected before this was
        // stored, so unknown.
        {5, {QStringLiteral("ALTER TABLE accounts ADD COLUMN scopes TEXT")}, {}, {}},
        // Account sets: named groups of connected accounts ("brand channels") that a post can name
        // (platformSetId) instead of listing accounts. Members go with their account or their set.
        {6,
         {
             QStringLiteral("CREATE TABLE account_sets (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                            "created_at_ms BIGINT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE account_set_members (set_id TEXT NOT NULL REFERENCES account_sets(id) "
                 "ON DELETE CASCADE, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, "
                 "added_at_ms BIGINT NOT NULL, PRIMARY KEY (set_id, account_id))"),
             QStringLiteral("CREATE INDEX account_set_members_account ON account_set_members(account_id)"),
         },
         {},
         {}},
        // Each account's weekly posting times ("add to queue" fills the next free one), read in the
        // account's zone.
        {7,
         {
             QStringLiteral("CREATE TABLE posting_times (account_id TEXT NOT NULL, weekday INTEGER NOT NULL, "
                            "minute_of_day INTEGER NOT NULL, time_zone TEXT NOT NULL, "
                            "PRIMARY KEY (account_id, weekday, minute_of_day))"),
         },
         {},
         {}},
    };
    return migrations;
}

} // namespace cq
