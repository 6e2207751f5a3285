#include "PostCreateCommand.h"

#include "PostOutput.h"
#include "publish/PostConformer.h"
#include "publish/QueueSlots.h"
#include "session/Session.h"

#include <QFileInfo>
#include <QJsonArray>

namespace cq::cli {

namespace {
const auto submitName = QStringLiteral("submit");
const auto conformName = QStringLiteral("conform");
const auto stripLocationName = QStringLiteral("strip-location");
const auto queueName = QStringLiteral("add-to-queue");

// The creator's limits (maximum video length) from the creator info cached for the post's first
// account, when there is any.
ConformLimits cachedLimits(Session &session, const Post &post) {
    auto entry = session.creators().lookup(post.accounts.isEmpty() ? QString() : post.accounts.constFirst());
    return conformLimitsFor(entry && *entry ? std::optional((*entry)->info) : std::nullopt);
}

// Converts the media TikTok would refuse into new store objects; `post` and `downloaded` then
// refer to those instead of the originals.
std::expected<void, Error> conformIntoStore(Session &session, Post &post, const QString &baseDirectory,
                                            QHash<int, StoredObject> &downloaded, bool stripLocation,
                                            StagedMedia &staged, QTextStream &err) {
    ConformLimits limits = cachedLimits(session, post);
    limits.stripPhotoMetadata = stripLocation;
    auto result = PostConformer({&session.store(), {}, &staged.hold()}, limits)
                      .conform(post, baseDirectory, downloaded);
    if (!result) {
        return std::unexpected(result.error());
    }
    for (const ConformedMedia &item : std::as_const(result->converted)) {
        err << "media/" << item.index << ' ' << QFileInfo(item.sourcePath).fileName() << ": "
            << item.description << '\n';
        downloaded.remove(int(item.index));
    }
    post = result->post;
    return {};
}
} // namespace

QList<QCommandLineOption> PostCreateCommand::options() const {
    return {
        jsonOption(), QCommandLineOption(submitName, QStringLiteral("Submit after creating")),
        QCommandLineOption(conformName, QStringLiteral("Convert media TikTok would refuse first")),
        QCommandLineOption(stripLocationName, QStringLiteral("With --conform: remove location from photos")),
        QCommandLineOption(queueName, QStringLiteral("At the account's next free posting time"))};
}

ExitCode PostCreateCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    const QString path = parser.positionalArguments().constFirst();
    auto post = readPostFile(path, streams.err);
    if (!post) {
        return post.error();
    }
    if (parser.isSet(queueName)) {
        auto slot = QueueSlots(session.database(), session.posts().repository())
                        .addToQueue(*post, session.clock().nowUtc());
        if (!slot) {
            return fail(streams.err, slot.error());
        }
    }
    StagedMedia staged(session.database(), session.store()); // a failed create leaves no object
    MediaDownloader::Options options = session.mediaDownloadOptions();
    options.hold = &staged.hold();
    auto downloaded = downloadRemoteMedia(*post, session.network(), session.store(), options);
    if (!downloaded) {
        return fail(streams.err, downloaded.error());
    }
    const QString baseDirectory = QFileInfo(path).absolutePath();
    const bool stripLocation = parser.isSet(stripLocationName);
    if (parser.isSet(conformName) || stripLocation) {
        if (auto conformed = conformIntoStore(session, *post, baseDirectory, *downloaded, stripLocation,
                                              staged, streams.err);
            !conformed) {
            return fail(streams.err, conformed.error());
        }
    }
    auto created =
        session.importer().create(*post, baseDirectory, parser.isSet(submitName), *downloaded, {}, &staged);
    if (!created) {
        return fail(streams.err, created.error());
    }
    if (created->notSubmitted) {
        // The posts are stored whole as drafts; say so rather than hide them.
        for (const StoredPost &made : std::as_const(created->perAccount)) {
            streams.out << made.id << '\n';
        }
        streams.err << (created->perAccount.size() == 1 ? "The post was" : "The posts were")
                    << " saved as a draft but not submitted. ";
        return fail(streams.err, *created->notSubmitted);
    }
    writeCreated(streams.out, *created, parser.isSet(jsonOption()));
    return ExitCode::Success;
}

// One post per account (a post for two accounts is two posts): one id per line, or with --json one
// summary object for one account (the usual case) and an array of them for several.
void PostCreateCommand::writeCreated(QTextStream &out, const PostImporter::CreateResult &created,
                                     bool json) const {
    if (!json) {
        for (const StoredPost &post : created.perAccount) {
            out << post.id << '\n';
        }
        return;
    }
    QJsonArray findings;
    for (const Finding &finding : created.findings) {
        findings.append(finding.toJson());
    }
    QJsonArray results;
    for (const StoredPost &post : created.perAccount) {
        QJsonObject result = summaryJson(post);
        result.insert(QStringLiteral("findings"), findings);
        results.append(result);
    }
    writeJson(out, results.size() == 1 ? QJsonDocument(results.first().toObject()) : QJsonDocument(results));
}

} // namespace cq::cli
