#include "ExitCode.h"
#include "McpSchema.h"
#include "McpTools.h"
#include "post/PostOutput.h"
#include "publish/PostDocumentCheck.h"
#include "session/Session.h"

#include <QDir>

namespace cq::cli::mcp {

namespace {

const auto postName = QStringLiteral("post");
const auto baseName = QStringLiteral("baseDirectory");

QJsonObject postProperty() {
    return schema::anyObject(QStringLiteral(
        "The post in ClipQueue's post JSON contract (docs/post-json.md): {content: {text, media: [{url, "
        "...}], "
        "platformOverrides: {tiktok: {settings: {privacyLevel, disableComment, ...}}}}, scheduledFor (ISO "
        "8601 "
        "with offset, or null for as soon as possible), accounts: [account id] or platformSetId: set id or "
        "name}"));
}

QJsonObject baseProperty() {
    return schema::string(QStringLiteral("Folder that relative media paths are read from (default: the "
                                         "server's working directory)"));
}

QString baseDirectory(const QJsonObject &arguments) {
    return arguments.value(baseName).toString(QDir::currentPath());
}

QJsonArray findingsJson(const QList<Finding> &findings) {
    QJsonArray array;
    for (const Finding &finding : findings) {
        array.append(finding.toJson());
    }
    return array;
}

// "2 errors (privacy.required, caption.too_long), 1 warning"
QString countFindings(const QList<Finding> &findings) {
    QStringList errors;
    qsizetype warnings = 0;
    for (const Finding &finding : findings) {
        if (finding.isError()) {
            errors << findingCodeName(finding.code);
        } else {
            ++warnings;
        }
    }
    QString text = QString::number(errors.size()) + (errors.size() == 1 ? u" error" : u" errors");
    if (!errors.isEmpty()) {
        text += u" (" + errors.join(u", ") + u')';
    }
    return text + u", " + QString::number(warnings) + (warnings == 1 ? u" warning" : u" warnings");
}

// The findings of a post the agent sent (not stored): the same check as `clipqueue-cli validate`.
PostDocumentCheck::Result checkPost(const QJsonObject &arguments, Session &session,
                                    const std::optional<CreatorInfo> &creator = {}) {
    return PostDocumentCheck(&session.database(), session.clock().nowUtc())
        .check(parsePostJson(arguments.value(postName).toObject()), QString(), baseDirectory(arguments),
               creator);
}

class PostsValidateTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("posts_validate"); }
    QString title() const override { return QStringLiteral("Validate a post"); }
    QString description() const override {
        return QStringLiteral(
            "Check a post against TikTok's rules and the creator's limits without storing it. Returns "
            "{valid, findings: [{severity, code, field, message}]}; `field` is a JSON Pointer into the post "
            "and `message` says what to do. A post with an error finding cannot be submitted or scheduled.");
    }
    QJsonObject inputSchema() const override {
        return schema::object(
            {{postName, postProperty()},
             {QStringLiteral("creatorInfo"),
              schema::anyObject(QStringLiteral("TikTok's creator info `data` object to check "
                                               "against (default: the cached info of the post's "
                                               "first account)"))},
             {baseName, baseProperty()}},
            {postName});
    }
    QJsonObject outputSchema() const override {
        return schema::output({{QStringLiteral("valid"), schema::boolean(QStringLiteral("No error finding"))},
                               {QStringLiteral("findings"), schema::array(schema::finding(), QString())}});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        std::optional<CreatorInfo> creator;
        if (arguments.contains(u"creatorInfo")) {
            auto info = CreatorInfo::fromJson(arguments.value(u"creatorInfo").toObject());
            if (!info) {
                return McpToolResult::badArguments(u"creatorInfo is not TikTok's creator info: "
                                                   + info.error().message);
            }
            creator = *info;
        }
        const QList<Finding> findings = checkPost(arguments, session, creator).findings;
        const bool valid = !hasErrors(findings);
        return {QJsonObject{{QStringLiteral("valid"), valid},
                            {QStringLiteral("findings"), findingsJson(findings)}},
                (valid ? u"Valid: " : u"Not valid: ") + countFindings(findings) + u'.'};
    }
};

class PostsCreateTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("posts_create"); }
    QString title() const override { return QStringLiteral("Create a post"); }
    QString description() const override {
        return QStringLiteral(
            "Store a post: its media is probed and copied (or downloaded) into ClipQueue's media store, one "
            "post per account (or per account of its account set). Without submit it is a draft. With "
            "submit: true it goes to review when the workspace requires approval (a person approves it in "
            "the ClipQueue window; agents cannot), else it is scheduled for its scheduledFor. A post that "
            "cannot be created comes back with created: false and its findings.");
    }
    bool readOnly() const override { return false; }
    QJsonObject inputSchema() const override {
        return schema::object(
            {{postName, postProperty()},
             {QStringLiteral("submit"),
              schema::boolean(QStringLiteral("Submit after creating (default false: a draft)"))},
             {baseName, baseProperty()}},
            {postName});
    }
    QJsonObject outputSchema() const override {
        return schema::output(
            {{QStringLiteral("created"), schema::boolean(QString())},
             {QStringLiteral("posts"),
              schema::array(schema::postSummary(), QStringLiteral("One per account"))},
             {QStringLiteral("findings"), schema::array(schema::finding(), QString())},
             {QStringLiteral("message"),
              schema::nullableString(QStringLiteral("Why the post was not created, or not submitted"))},
             {QStringLiteral("awaitingApproval"),
              schema::boolean(QStringLiteral("The posts wait in review for a person to approve them"))}});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        const auto parsed = parsePostJson(arguments.value(postName).toObject());
        auto created =
            parsed ? create(parsed->post, arguments, session)
                   : std::expected<PostImporter::CreateResult, Error>(std::unexpected(parsed.error()));
        if (!created) {
            if (exitCodeFor(created.error().code) != ExitCode::InvalidInput) {
                return McpToolResult::failure(created.error());
            }
            // The post is the problem: say why with its findings, as data the agent can act on.
            const QList<Finding> findings = checkPost(arguments, session).findings;
            return {QJsonObject{{QStringLiteral("created"), false},
                                {QStringLiteral("posts"), QJsonArray()},
                                {QStringLiteral("findings"), findingsJson(findings)},
                                {QStringLiteral("message"), created.error().message},
                                {QStringLiteral("awaitingApproval"), false}},
                    u"Not created: " + created.error().message};
        }
        return describe(*created);
    }

private:
    static std::expected<PostImporter::CreateResult, Error>
    create(const Post &post, const QJsonObject &arguments, Session &session) {
        StagedMedia staged(session.database(), session.store()); // a failed create leaves no object
        MediaDownloader::Options options;
        options.hold = &staged.hold();
        auto downloaded = downloadRemoteMedia(post, session.network(), session.store(), options);
        if (!downloaded) {
            return std::unexpected(downloaded.error());
        }
        return session.importer().create(post, baseDirectory(arguments), arguments.value(u"submit").toBool(),
                                         *downloaded, {}, &staged);
    }

    static McpToolResult describe(const PostImporter::CreateResult &created) {
        QJsonArray posts;
        QStringList ids;
        bool inReview = false;
        for (const StoredPost &post : created.perAccount) {
            posts.append(summaryJson(post));
            ids << post.id;
            inReview = inReview || post.status == PostStatus::InReview;
        }
        const QString status = postStatusName(created.post.status);
        QString text = u"Created " + QString::number(ids.size())
                       + (ids.size() == 1 ? u" post (" : u" posts (") + ids.join(u", ") + u"), " + status
                       + u'.';
        if (created.notSubmitted) {
            text += u" Not submitted: " + created.notSubmitted->message;
        } else if (inReview) {
            text += QStringLiteral(" It waits for a person to approve it in ClipQueue.");
        }
        return {QJsonObject{{QStringLiteral("created"), true},
                            {QStringLiteral("posts"), posts},
                            {QStringLiteral("findings"), findingsJson(created.findings)},
                            {QStringLiteral("message"), created.notSubmitted
                                                            ? QJsonValue(created.notSubmitted->message)
                                                            : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("awaitingApproval"), inReview}},
                text};
    }
};

// A tool that changes one post by id and answers with the post as it is afterwards.
class PostChangeTool : public McpTool {
public:
    bool readOnly() const override { return false; }
    QJsonObject outputSchema() const override { return schema::output({{postName, schema::postSummary()}}); }

protected:
    static McpToolResult answer(const std::expected<StoredPost, Error> &post, const QString &done) {
        if (!post) {
            return McpToolResult::failure(post.error());
        }
        return {QJsonObject{{postName, summaryJson(*post)}}, u"Post " + post->id + u' ' + done + u'.'};
    }
};

class PostsScheduleTool final : public PostChangeTool {
public:
    QString name() const override { return QStringLiteral("posts_schedule"); }
    QString title() const override { return QStringLiteral("Schedule a post"); }
    QString description() const override {
        return QStringLiteral(
            "Schedule (or reschedule) a stored post for a time. Allowed for drafts when the workspace does "
            "not "
            "require approval, and for approved or scheduled posts; a post with validation errors is "
            "refused. "
            "A time without an offset is read in timeZone (default: the workspace's zone).");
    }
    QJsonObject inputSchema() const override {
        return schema::object(
            {{QStringLiteral("id"), schema::string(QStringLiteral("Post id"))},
             {QStringLiteral("at"), schema::string(QStringLiteral("ISO 8601 time, e.g. "
                                                                  "2026-12-01T18:30 or "
                                                                  "2026-12-01T18:30:00+01:00"))},
             {QStringLiteral("timeZone"), schema::string(QStringLiteral("IANA zone, e.g. "
                                                                        "Europe/Berlin"))}},
            {QStringLiteral("id"), QStringLiteral("at")});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        const QDateTime when = QDateTime::fromString(arguments.value(u"at").toString(), Qt::ISODateWithMs);
        if (!when.isValid()) {
            return McpToolResult::badArguments(u"\"" + arguments.value(u"at").toString()
                                               + u"\" is not an ISO 8601 time such as 2026-12-01T18:30.");
        }
        auto post = session.posts().schedule(arguments.value(u"id").toString(), when,
                                             arguments.value(u"timeZone").toString());
        return answer(post,
                      post ? u"is scheduled for " + post->schedule.atUtc->toString(Qt::ISODate) : QString());
    }
};

class PostsCancelTool final : public PostChangeTool {
public:
    QString name() const override { return QStringLiteral("posts_cancel"); }
    QString title() const override { return QStringLiteral("Cancel a post"); }
    QString description() const override {
        return QStringLiteral(
            "Cancel a post that is not on its way to TikTok (a draft, in review, approved, "
            "scheduled, failed or needing attention), with an optional comment for its history.");
    }
    QJsonObject inputSchema() const override {
        return schema::object(
            {{QStringLiteral("id"), schema::string(QStringLiteral("Post id"))},
             {QStringLiteral("comment"), schema::string(QStringLiteral("Why, for the history"))}},
            {QStringLiteral("id")});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        return answer(
            session.posts().cancel(arguments.value(u"id").toString(), arguments.value(u"comment").toString()),
            QStringLiteral("is cancelled"));
    }
};

class PostsListTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("posts_list"); }
    QString title() const override { return QStringLiteral("List posts"); }
    QString description() const override {
        return QStringLiteral("The queue, soonest first (posts for as soon as possible first), optionally of "
                              "one status.");
    }
    QJsonObject inputSchema() const override {
        QStringList statuses;
        for (int status = int(PostStatus::Draft); status <= int(PostStatus::NeedsAttention); ++status) {
            statuses << postStatusName(PostStatus(status));
        }
        return schema::object(
            {{QStringLiteral("status"), schema::oneOf(statuses, QStringLiteral("Only this status"))},
             {QStringLiteral("limit"), schema::integer(QStringLiteral("At most this many "
                                                                      "(default 50)"),
                                                       1, 500)}});
    }
    QJsonObject outputSchema() const override {
        return schema::output({{QStringLiteral("posts"), schema::array(schema::postSummary(), QString())}});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        const auto status = arguments.contains(u"status")
                                ? postStatusFromName(arguments.value(u"status").toString())
                                : std::nullopt;
        auto list = session.posts().repository().list(status, arguments.value(u"limit").toInt(50));
        if (!list) {
            return McpToolResult::failure(list.error());
        }
        QJsonArray posts;
        for (const StoredPost &post : std::as_const(*list)) {
            posts.append(summaryJson(post));
        }
        return {QJsonObject{{QStringLiteral("posts"), posts}},
                QString::number(posts.size()) + (posts.size() == 1 ? u" post." : u" posts.")};
    }
};

class PostsGetTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("posts_get"); }
    QString title() const override { return QStringLiteral("Get a post"); }
    QString description() const override {
        return QStringLiteral("One post: its status, time, the actions it allows now, its TikTok link once "
                              "public, its history (who, when, from, to, comment) and every publish attempt "
                              "(TikTok's error code, message and log id).");
    }
    QJsonObject inputSchema() const override {
        return schema::object({{QStringLiteral("id"), schema::string(QStringLiteral("Post id"))}},
                              {QStringLiteral("id")});
    }
    QJsonObject outputSchema() const override {
        QJsonObject properties = schema::postSummary().value(u"properties").toObject();
        properties.insert(QStringLiteral("postUrl"),
                          schema::nullableString(QStringLiteral("On TikTok, once public")));
        properties.insert(QStringLiteral("actions"),
                          schema::array(schema::string(QString()), QStringLiteral("What people may do now")));
        properties.insert(postName, schema::anyObject(QStringLiteral("The post JSON contract")));
        properties.insert(QStringLiteral("storedMedia"),
                          schema::array(schema::anyObject(QString()), QString()));
        properties.insert(
            QStringLiteral("history"),
            schema::array(schema::anyObject(QStringLiteral("{at, actor, action, from, to, comment}")),
                          QString()));
        properties.insert(
            QStringLiteral("attempts"),
            schema::array(schema::anyObject(QStringLiteral("{startedAt, finishedAt, outcome, "
                                                           "errorCode, errorMessage, logId, ...}")),
                          QString()));
        return schema::output(properties);
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        auto detail = loadPostDetail(session, arguments.value(u"id").toString());
        if (!detail) {
            return McpToolResult::failure(detail.error());
        }
        QString text = u"Post " + detail->post.id + u" is " + postStatusName(detail->post.status) + u'.';
        if (!detail->attempts.isEmpty() && !detail->attempts.last().errorCode.isEmpty()) {
            text += u" Last attempt: " + detail->attempts.last().errorCode + u": "
                    + detail->attempts.last().errorMessage;
        }
        return {detailJson(*detail), text};
    }
};

} // namespace

void addPostTools(ToolList &tools) {
    tools.push_back(std::make_unique<PostsValidateTool>());
    tools.push_back(std::make_unique<PostsCreateTool>());
    tools.push_back(std::make_unique<PostsScheduleTool>());
    tools.push_back(std::make_unique<PostsListTool>());
    tools.push_back(std::make_unique<PostsGetTool>());
    tools.push_back(std::make_unique<PostsCancelTool>());
}

} // namespace cq::cli::mcp
