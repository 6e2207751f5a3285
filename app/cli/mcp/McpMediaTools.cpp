#include "McpSchema.h"
#include "McpTools.h"
#include "ProbeCommand.h"
#include "media/MediaDownloader.h"
#include "media/MediaProber.h"
#include "media/MediaStore.h"
#include "post/TikTokRules.h"
#include "session/Session.h"

#include <QTemporaryDir>
#include <QUrl>

namespace cq::cli::mcp {

namespace {

// media_probe: what `probe --json` says about local files; http(s) media is fetched through the one
// HTTP transport into a temporary store (at most TikTok's largest video), probed, and dropped.
class MediaProbeTool final : public McpTool {
public:
    QString name() const override { return QStringLiteral("media_probe"); }
    QString title() const override { return QStringLiteral("Probe media"); }
    QString description() const override {
        return QStringLiteral(
            "Describe video and photo files as TikTok posting needs them: type, MIME type read from the "
            "bytes, "
            "display width and height, duration, frame rate, codec, audio, rotation and size. Accepts local "
            "paths, file:// URLs and http(s) URLs. An unreadable file comes back with error {code, "
            "message}.");
    }
    QJsonObject inputSchema() const override {
        return schema::object(
            {{QStringLiteral("paths"),
              schema::array(schema::string(QStringLiteral("A local path, file:// URL or http(s) URL")),
                            QStringLiteral("Media to probe, in order"))}},
            {QStringLiteral("paths")});
    }
    QJsonObject outputSchema() const override {
        return schema::output(
            {{QStringLiteral("media"),
              schema::array(schema::anyObject(QStringLiteral("A media descriptor (docs/post-json.md), "
                                                             "or {url, filename, error}")),
                            QStringLiteral("One entry per path, in order"))}});
    }

    McpToolResult call(const QJsonObject &arguments, Session &session) override {
        QJsonArray media;
        int unreadable = 0;
        for (const QJsonValue &value : arguments.value(u"paths").toArray()) {
            const QJsonObject entry = probe(value.toString(), session);
            unreadable += entry.contains(u"error") ? 1 : 0;
            media.append(entry);
        }
        QString text =
            QString::number(media.size()) + (media.size() == 1 ? u" file probed" : u" files probed");
        if (unreadable > 0) {
            text += u"; " + QString::number(unreadable) + u" cannot be used (see each error).";
        } else {
            text += u'.';
        }
        return {QJsonObject{{QStringLiteral("media"), media}}, text};
    }

private:
    static QJsonObject probe(const QString &reference, Session &session) {
        const MediaLocation location = locateMedia(reference);
        if (location.kind == MediaLocation::Kind::LocalFile) {
            return probeResultJson(location.localPath, MediaProber().probe(location.localPath));
        }
        if (location.kind == MediaLocation::Kind::Unsupported) {
            return probeResultJson(reference, std::unexpected(Error{ErrorCode::MediaUnreadable,
                                                                    reference
                                                                        + u" is neither a local path nor an "
                                                                          u"http(s) URL."}));
        }
        QTemporaryDir scratch;
        const MediaStore store(scratch.path());
        auto object = MediaDownloader::fetch(session.network(), store, QUrl(reference), rules::MaxVideoBytes);
        auto probed = object ? MediaProber().probe(store.pathFor(object->sha256))
                             : std::expected<MediaDescriptor, Error>(std::unexpected(object.error()));
        QJsonObject json = probeResultJson(reference, probed);
        // The descriptor names the URL the agent gave, not the temporary file.
        json.insert(QStringLiteral("url"), reference);
        json.insert(QStringLiteral("filename"), QUrl(reference).fileName());
        return json;
    }
};

} // namespace

void addMediaTools(ToolList &tools) {
    tools.push_back(std::make_unique<MediaProbeTool>());
}

} // namespace cq::cli::mcp
