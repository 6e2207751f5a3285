#pragma once

#include "post/Lifecycle.h"
#include "post/StoredPost.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QTextStream>

#include <expected>

namespace cq {
class Session;
}

// How `post` subcommands print posts: the summary and detail JSON of docs/cli.md and their text
// forms, in one place so that every subcommand says the same thing the same way.
namespace cq::cli {

// Everything `post show` says about one post.
struct PostDetail {
    StoredPost post;
    QList<HistoryEntry> history;
    QList<PublishAttempt> attempts;
    QList<PostAction> actions; // what people may do with it now (PostLifecycle::allowedActions)
    QString username;          // the account's TikTok username when known, for the post's link
};

// Loads everything `post show` (and the MCP posts_get tool) says about post `id`.
std::expected<PostDetail, Error> loadPostDetail(Session &session, const QString &id);

// The post's page on TikTok once it is public; empty while TikTok has not named the post or the
// account's username is unknown.
QString tiktokPostUrl(const QString &username, const QString &publicPostId);

// The CLI command for a lifecycle action ("request-changes" for RequestChanges).
QString commandName(PostAction action);

QJsonObject summaryJson(const StoredPost &post);
QJsonObject detailJson(const PostDetail &detail);

// id, status, time in the post's zone, media count, the start of the caption: one line.
void printSummary(QTextStream &out, const StoredPost &post);
// The summary line, the allowed actions, the TikTok link, the history and the attempts.
void printDetail(QTextStream &out, const PostDetail &detail);

} // namespace cq::cli
