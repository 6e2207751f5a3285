#include "PostOutput.h"

#include "post/PostJson.h"
#include "session/Session.h"

#include <QJsonArray>
#include <QTimeZone>

namespace cq::cli {

namespace {

QJsonValue textOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(const std::optional<QDateTime> &time) {
    return time ? QJsonValue(time->toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString localTime(const StoredPost &post) {
    if (!post.schedule.atUtc) {
        return QStringLiteral("as soon as possible");
    }
    const QTimeZone zone(post.schedule.timeZone.toUtf8());
    return post.schedule.atUtc->toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).toString(Qt::ISODate)
           + u' ' + post.schedule.timeZone;
}

QJsonArray storedMediaJson(const QList<StoredMedia> &media) {
    QJsonArray array;
    for (const StoredMedia &item : media) {
        array.append(QJsonObject{{QStringLiteral("sha256"), item.sha256},
                                 {QStringLiteral("originalUrl"), item.originalUrl()}});
    }
    return array;
}

QJsonArray historyJson(const QList<HistoryEntry> &history) {
    QJsonArray array;
    for (const HistoryEntry &entry : history) {
        array.append(QJsonObject{
            {QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("from"),
             entry.from ? QJsonValue(postStatusName(*entry.from)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("to"), postStatusName(entry.to)},
            {QStringLiteral("comment"), entry.comment},
        });
    }
    return array;
}

QJsonArray attemptsJson(const QList<PublishAttempt> &attempts) {
    QJsonArray array;
    for (const PublishAttempt &attempt : attempts) {
        array.append(QJsonObject{
            {QStringLiteral("startedAt"), attempt.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("finishedAt"), timeOrNull(attempt.finishedAt)},
            {QStringLiteral("runner"), attempt.runner},
            {QStringLiteral("outcome"), attemptOutcomeName(attempt.outcome)},
            {QStringLiteral("httpStatus"),
             attempt.httpStatus ? QJsonValue(*attempt.httpStatus) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("errorCode"), attempt.errorCode},
            {QStringLiteral("errorMessage"), attempt.errorMessage},
            {QStringLiteral("logId"), attempt.logId},
            {QStringLiteral("publishId"), attempt.publishId},
        });
    }
    return array;
}

void printHistory(QTextStream &out, const QList<HistoryEntry> &history) {
    for (const HistoryEntry &entry : history) {
        out << "  " << entry.at.toString(Qt::ISODate) << "  " << entry.actor << "  " << entry.action << "  "
            << (entry.from ? postStatusName(*entry.from) : QStringLiteral("-")) << " -> "
            << postStatusName(entry.to)
            << (entry.comment.isEmpty() ? QString() : u"  \"" + entry.comment + u'"') << '\n';
    }
}

void printAttempts(QTextStream &out, const QList<PublishAttempt> &attempts) {
    for (const PublishAttempt &attempt : attempts) {
        out << "  attempt " << attempt.startedAt.toString(Qt::ISODate) << "  "
            << attemptOutcomeName(attempt.outcome);
        if (!attempt.errorCode.isEmpty()) {
            out << "  " << attempt.errorCode << ": " << attempt.errorMessage << "  (log_id " << attempt.logId
                << ")";
        }
        out << '\n';
    }
}

// The TikTok username of the post's account from the cached creator info; empty when unknown. Only
// the link needs it, so a lookup that fails leaves the link out rather than the post.
QString usernameFor(Session &session, const StoredPost &post) {
    auto entry = session.creators().lookup(post.accountId());
    if (!entry || !*entry) {
        return {};
    }
    return (*entry)->info.username;
}

} // namespace

std::expected<PostDetail, Error> loadPostDetail(Session &session, const QString &id) {
    PostLifecycle &posts = session.posts();
    auto post = posts.repository().get(id);
    if (!post) {
        return std::unexpected(post.error());
    }
    auto history = posts.repository().history(id);
    if (!history) {
        return std::unexpected(history.error());
    }
    auto attempts = posts.repository().attempts(id);
    if (!attempts) {
        return std::unexpected(attempts.error());
    }
    auto actions = posts.allowedActions(*post);
    if (!actions) {
        return std::unexpected(actions.error());
    }
    const QString username = post->publicPostId.isEmpty() ? QString() : usernameFor(session, *post);
    return PostDetail{*post, *history, *attempts, *actions, username};
}

QString tiktokPostUrl(const QString &username, const QString &publicPostId) {
    if (username.isEmpty() || publicPostId.isEmpty()) {
        return {};
    }
    return u"https://www.tiktok.com/@" + username + u"/video/" + publicPostId;
}

QString commandName(PostAction action) {
    return Lifecycle::actionName(action).replace(u'_', u'-');
}

QJsonObject summaryJson(const StoredPost &post) {
    return QJsonObject{
        {QStringLiteral("id"), post.id},
        {QStringLiteral("status"), postStatusName(post.status)},
        {QStringLiteral("scheduledFor"), timeOrNull(post.schedule.atUtc)},
        {QStringLiteral("timeZone"), post.schedule.timeZone},
        {QStringLiteral("text"), post.content.text},
        {QStringLiteral("mediaCount"), int(post.media.size())},
        {QStringLiteral("account"), post.accountId()},
        {QStringLiteral("createdBy"), post.createdBy},
        {QStringLiteral("createdAt"), post.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updatedAt"), post.updatedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("publishId"), textOrNull(post.publishId)},
        {QStringLiteral("publicPostId"), textOrNull(post.publicPostId)},
    };
}

QJsonObject detailJson(const PostDetail &detail) {
    QJsonObject json = summaryJson(detail.post);
    json.insert(QStringLiteral("postUrl"),
                textOrNull(tiktokPostUrl(detail.username, detail.post.publicPostId)));
    QJsonArray actions;
    for (const PostAction action : detail.actions) {
        actions.append(Lifecycle::actionName(action));
    }
    json.insert(QStringLiteral("actions"), actions);
    json.insert(QStringLiteral("post"), postToJson(detail.post.toPost()));
    json.insert(QStringLiteral("storedMedia"), storedMediaJson(detail.post.media));
    json.insert(QStringLiteral("history"), historyJson(detail.history));
    json.insert(QStringLiteral("attempts"), attemptsJson(detail.attempts));
    return json;
}

void printSummary(QTextStream &out, const StoredPost &post) {
    out << post.id << "  " << postStatusName(post.status).leftJustified(17) << "  " << localTime(post) << "  "
        << post.media.size() << " media  " << post.content.text.left(40).replace(u'\n', u' ') << '\n';
}

void printDetail(QTextStream &out, const PostDetail &detail) {
    printSummary(out, detail.post);
    QStringList actions;
    for (const PostAction action : detail.actions) {
        actions << commandName(action);
    }
    out << "  actions: " << (actions.isEmpty() ? QStringLiteral("none") : actions.join(u", ")) << '\n';
    if (!detail.post.publicPostId.isEmpty()) {
        const QString url = tiktokPostUrl(detail.username, detail.post.publicPostId);
        out << "  on TikTok: " << (url.isEmpty() ? u"post " + detail.post.publicPostId : url) << '\n';
    }
    printHistory(out, detail.history);
    printAttempts(out, detail.attempts);
}

} // namespace cq::cli
