#include "publish/PostImporter.h"

#include "media/MediaDownloader.h"
#include "media/MediaProber.h"
#include "post/PostMediaCheck.h"
#include "post/TikTokRules.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUuid>

namespace cq {

std::expected<QHash<int, StoredObject>, Error> downloadRemoteMedia(const Post &post,
                                                                   QNetworkAccessManager &network,
                                                                   const MediaStore &store,
                                                                   const MediaDownloader::Options &options) {
    // Remote media must say what it is before a byte is fetched (media.metadata_missing).
    for (const Finding &finding : validatePost(post, {}, ValidationContext{})) {
        if (finding.code == FindingCode::MediaMetadataMissing) {
            return std::unexpected(Error{ErrorCode::MediaUnreadable, finding.message});
        }
    }
    QHash<int, StoredObject> downloaded;
    for (qsizetype i = 0; i < post.media.size(); ++i) {
        const MediaDescriptor &media = post.media.at(i);
        if (locateMedia(media.url).kind != MediaLocation::Kind::Remote) {
            continue;
        }
        const qint64 limit =
            media.sizeBytes.value_or(media.isPhoto() ? rules::MaxPhotoBytes : rules::MaxVideoBytes);
        auto object = MediaDownloader::fetch(network, store, QUrl(media.url), limit, options);
        if (!object) {
            return std::unexpected(object.error());
        }
        if (media.sizeBytes && object->sizeBytes != *media.sizeBytes) {
            return std::unexpected(
                Error{ErrorCode::MediaUnreadable,
                      QStringLiteral("%1 has %2 bytes but the post declares %3. Fix sizeBytes or the "
                                     "URL.")
                          .arg(media.url)
                          .arg(object->sizeBytes)
                          .arg(*media.sizeBytes)});
        }
        downloaded.insert(int(i), *object);
    }
    return downloaded;
}

PostImporter::PostImporter(PostLifecycle &lifecycle, const MediaStore &store)
    : m_lifecycle(lifecycle)
    , m_store(store)
    , m_sets(lifecycle.database(), lifecycle.clock()) {
}

std::expected<StoredMedia, Error> PostImporter::storeMedia(const MediaDescriptor &declared,
                                                           const QString &baseDirectory,
                                                           const std::optional<StoredObject> &downloaded,
                                                           const MediaStore::Progress &progress,
                                                           MediaHold &hold) const {
    const MediaLocation location = locateMedia(declared.url);
    const bool local = location.kind == MediaLocation::Kind::LocalFile;
    if (!local && !downloaded) {
        return std::unexpected(
            Error{ErrorCode::Usage, declared.url + u" has not been downloaded into the media store."});
    }
    auto probed = local
                      ? importLocal(QDir(baseDirectory).absoluteFilePath(location.localPath), progress, hold)
                      : probeDownloaded(declared, *downloaded);
    if (!probed) {
        return std::unexpected(probed.error());
    }
    StoredMedia media;
    media.descriptor = probed->first;
    media.descriptor.url = declared.url;
    media.descriptor.sourceJson = declared.sourceJson;
    media.descriptor.sizeBytes = probed->second.sizeBytes;
    if (!declared.filename.isEmpty()) {
        // The declared name is the one shown (a converted copy in the store is named by its hash).
        media.descriptor.filename = declared.filename;
    }
    media.sha256 = probed->second.sha256;
    return media;
}

std::expected<std::pair<MediaDescriptor, StoredObject>, Error>
PostImporter::importLocal(const QString &path, const MediaStore::Progress &progress, MediaHold &hold) const {
    // A quick look first, so an unreadable file is not copied at all; then the copy is what gets
    // probed: a file that changes meanwhile is stored with the descriptor of the stored bytes.
    const QString name = QFileInfo(path).fileName();
    if (auto first = MediaProber().probe(path); !first) {
        return std::unexpected(first.error());
    }
    std::optional<MediaDescriptor> probed;
    auto object = m_store.importFile(
        path, progress, nullptr,
        [&](const QString &copy) -> std::expected<void, Error> {
            auto media = MediaProber().probe(copy, nullptr, name);
            if (!media) {
                return std::unexpected(media.error());
            }
            probed = *media;
            return {};
        },
        &hold);
    if (!object) {
        return std::unexpected(object.error());
    }
    return std::pair{*probed, *object};
}

std::expected<std::pair<MediaDescriptor, StoredObject>, Error>
PostImporter::probeDownloaded(const MediaDescriptor &declared, const StoredObject &object) const {
    // Downloaded bytes sit in the store already: probing the stored object checks what is stored.
    auto probed = MediaProber().probe(m_store.pathFor(object.sha256), nullptr, QUrl(declared.url).fileName());
    if (!probed) {
        return std::unexpected(Error{probed.error().code, declared.url + u": " + probed.error().message});
    }
    return std::pair{*probed, object};
}

std::expected<PostImporter::CreateResult, Error>
PostImporter::create(const Post &post, const QString &baseDirectory, bool submit,
                     const QHash<int, StoredObject> &downloaded, const MediaStore::Progress &progress,
                     StagedMedia *staged) {
    // A set becomes its accounts now: each stored post goes to one account, whatever the set becomes.
    auto expanded = m_sets.expand(post);
    if (!expanded) {
        return std::unexpected(expanded.error());
    }
    const Post &input = *expanded;
    StoredPost stored;
    stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.content = input;
    stored.createdBy = m_lifecycle.actor();
    auto zone = m_lifecycle.workspace().defaultTimeZone();
    if (!zone) {
        return std::unexpected(zone.error());
    }
    stored.schedule.timeZone = QString::fromUtf8(zone->id());
    // A time picked in a zone (the composer's "18:30 Europe/Berlin") keeps that zone.
    if (input.scheduledFor && input.scheduledFor->timeSpec() == Qt::TimeZone) {
        stored.schedule.timeZone = QString::fromUtf8(input.scheduledFor->timeZone().id());
    }
    stored.schedule.atUtc = input.scheduledFor ? std::optional(input.scheduledFor->toUTC()) : std::nullopt;

    // Progress over all local files: each copy reports its own bytes, added to those before it.
    qint64 totalBytes = 0;
    for (const MediaDescriptor &media : input.media) {
        const MediaLocation location = locateMedia(media.url);
        if (location.kind == MediaLocation::Kind::LocalFile) {
            totalBytes += QFileInfo(QDir(baseDirectory).absoluteFilePath(location.localPath)).size();
        }
    }
    std::optional<StagedMedia> ownStaged;
    if (!staged) {
        staged = &ownStaged.emplace(m_lifecycle.database(), m_store);
    }
    qint64 bytesBefore = 0;
    // Copy first, insert after: a row never refers to bytes that are not in the store yet.
    for (qsizetype i = 0; i < input.media.size(); ++i) {
        const auto fetched =
            downloaded.contains(int(i)) ? std::optional(downloaded.value(int(i))) : std::nullopt;
        qint64 fileBytes = 0;
        const MediaStore::Progress itemProgress = [&](qint64 doneBytes, qint64) {
            fileBytes = doneBytes;
            if (progress) {
                progress(bytesBefore + doneBytes, totalBytes);
            }
        };
        auto media = storeMedia(input.media.at(i), baseDirectory, fetched, itemProgress, staged->hold());
        bytesBefore += fileBytes;
        if (!media) {
            return std::unexpected(media.error());
        }
        stored.media << *media;
    }
    auto findings = m_lifecycle.validate(stored, false);
    if (!findings) {
        return std::unexpected(findings.error());
    }
    auto posts = m_lifecycle.insertDrafts(stored);
    if (!posts) {
        return std::unexpected(posts.error());
    }
    staged->commit();
    std::optional<Error> notSubmitted;
    for (qsizetype i = 0; submit && i < posts->size() && !notSubmitted; ++i) {
        auto submitted = m_lifecycle.submit(posts->at(i).id);
        if (submitted) {
            (*posts)[i] = *submitted;
        } else {
            notSubmitted = submitted.error();
        }
    }
    return CreateResult{posts->first(), *posts, *findings, notSubmitted};
}

} // namespace cq
