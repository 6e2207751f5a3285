#include "post/PostJson.h"

#include "post/TikTokRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

namespace cq {

namespace {

// Input far beyond anything TikTok takes is refused by the reader, before it is stored or shown:
// ten times TikTok's limits, so a post slightly over stays a validation finding the user can fix.
constexpr qsizetype MaxDocumentBytes = 4 * 1024 * 1024;
constexpr qsizetype MaxTextUtf16 = 10 * rules::MaxDescriptionPhotoUtf16;
constexpr qsizetype MaxTitleUtf16 = 10 * rules::MaxPhotoTitleUtf16;
constexpr qsizetype MaxMediaItems = 10 * rules::MaxPhotos;
constexpr qsizetype MaxListItems = 1000;     // accounts, platforms
constexpr qsizetype MaxStringUtf16 = 65'536; // URLs, names, ids

// The largest value each number may have; beyond it the field is refused, never converted.
namespace limits {
constexpr double PixelSide = 100'000;
constexpr double Rotation = 360;
constexpr double SizeBytes = 1e12;
constexpr double DurationSeconds = 1e6;
constexpr double FrameRate = 10'000;
constexpr double CoverTimestampMs = 1e9;
constexpr double PhotoCoverIndex = 1000; // TikTok takes 35 photos; far beyond is refused, not wrapped
} // namespace limits

// Reads typed fields out of JSON objects, remembering the first type error with its pointer and
// collecting a warning for each field it does not know.
class ContractReader {
public:
    std::optional<Error> error;
    QList<Finding> warnings;

    void warnUnknown(const QJsonObject &object, const QString &pointer,
                     std::initializer_list<const char *> known) {
        QSet<QString> knownKeys;
        for (const char *key : known) {
            knownKeys.insert(QString::fromLatin1(key));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!knownKeys.contains(it.key())) {
                warnings.append({Severity::Warning, FindingCode::PostUnknownField, pointer + u'/' + it.key(),
                                 u"ClipQueue does not know the field \"" + it.key()
                                     + u"\" and ignores it; it is kept when the post is exported."});
            }
        }
    }

    QJsonObject object(const QJsonObject &parent, const char *key, const QString &pointer) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isObject()) {
            fail(pointer + u'/' + QLatin1StringView(key), u"an object");
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const char *key, const QString &pointer) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isArray()) {
            fail(pointer + u'/' + QLatin1StringView(key), u"an array");
            return {};
        }
        return value.toArray();
    }

    QString string(const QJsonObject &parent, const char *key, const QString &pointer,
                   qsizetype maxUtf16 = MaxStringUtf16) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isString()) {
            fail(pointer + u'/' + QLatin1StringView(key), u"a string");
            return {};
        }
        QString text = value.toString();
        if (text.size() > maxUtf16) {
            fail(pointer + u'/' + QLatin1StringView(key),
                 QStringLiteral("at most %1 characters, far beyond what TikTok takes (it has %2)")
                     .arg(maxUtf16)
                     .arg(text.size()));
            return {};
        }
        return text;
    }

    std::optional<bool> boolean(const QJsonObject &parent, const char *key, const QString &pointer) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isBool()) {
            fail(pointer + u'/' + QLatin1StringView(key), u"true or false");
            return std::nullopt;
        }
        return value.toBool();
    }

    // A number from 0 to `max`, checked before it is converted to anything.
    std::optional<double> number(const QJsonObject &parent, const char *key, const QString &pointer,
                                 double max) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isDouble() || !(value.toDouble() >= 0) || !(value.toDouble() <= max)) {
            fail(pointer + u'/' + QLatin1StringView(key),
                 QString(u"a number from 0 to " + QString::number(max, 'g', 12)));
            return std::nullopt;
        }
        return value.toDouble();
    }

    template<typename Int>
    std::optional<Int> integer(const QJsonObject &parent, const char *key, const QString &pointer,
                               double max) {
        static_assert(sizeof(Int) >= sizeof(int));
        const std::optional<double> value = number(parent, key, pointer, max);
        if (!value) {
            return std::nullopt;
        }
        if (*value != std::floor(*value)) {
            fail(pointer + u'/' + QLatin1StringView(key), u"a whole number");
            return std::nullopt;
        }
        return Int(*value);
    }

    QStringList strings(const QJsonObject &parent, const char *key, const QString &pointer) {
        QStringList result;
        const QJsonArray values = array(parent, key, pointer);
        if (values.size() > MaxListItems) {
            fail(pointer + u'/' + QLatin1StringView(key),
                 QStringLiteral("a list of at most %1").arg(MaxListItems));
            return {};
        }
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (!values.at(i).isString()) {
                fail(pointer + u'/' + QLatin1StringView(key) + u'/' + QString::number(i), u"a string");
                return {};
            }
            result << values.at(i).toString();
        }
        return result;
    }

    void fail(const QString &pointer, QStringView expected) {
        if (!error) {
            error = Error{ErrorCode::JsonInvalid, pointer + u" must be " + expected + u'.'};
        }
    }
};

MediaDescriptor readMedia(ContractReader &reader, const QJsonObject &json, const QString &pointer) {
    reader.warnUnknown(json, pointer,
                       {"url", "type", "mimeType", "sizeBytes", "filename", "width", "height",
                        "durationSeconds", "codec", "frameRate", "rotation", "hasAudio"});
    MediaDescriptor media;
    media.sourceJson = json;
    media.url = reader.string(json, "url", pointer);
    if (media.url.isEmpty() && !reader.error) {
        reader.error =
            Error{ErrorCode::JsonInvalid, pointer + u"/url is required: the file path or URL of the media."};
    }
    const QString type = reader.string(json, "type", pointer);
    if (!type.isEmpty()) {
        media.type = mediaTypeFromName(type);
        if (!media.type) {
            reader.fail(pointer + u"/type", u"\"video\" or \"photo\"");
        }
    }
    media.mimeType = reader.string(json, "mimeType", pointer);
    media.sizeBytes = reader.integer<qint64>(json, "sizeBytes", pointer, limits::SizeBytes);
    media.filename = reader.string(json, "filename", pointer);
    media.width = reader.integer<int>(json, "width", pointer, limits::PixelSide);
    media.height = reader.integer<int>(json, "height", pointer, limits::PixelSide);
    media.durationSeconds = reader.number(json, "durationSeconds", pointer, limits::DurationSeconds);
    media.codec = reader.string(json, "codec", pointer);
    media.frameRate = reader.number(json, "frameRate", pointer, limits::FrameRate);
    media.rotation = reader.integer<int>(json, "rotation", pointer, limits::Rotation);
    media.hasAudio = reader.boolean(json, "hasAudio", pointer);
    return media;
}

TikTokSettings readSettings(ContractReader &reader, const QJsonObject &json, const QString &pointer) {
    reader.warnUnknown(json, pointer,
                       {"privacyLevel", "disableComment", "disableDuet", "disableStitch",
                        "discloseCommercialContent", "brandContentToggle", "brandOrganicToggle", "isAigc",
                        "videoCoverTimestampMs", "autoAddMusic", "photoCoverIndex", "title", "postMode"});
    TikTokSettings settings;
    settings.privacyLevel = reader.string(json, "privacyLevel", pointer);
    settings.disableComment = reader.boolean(json, "disableComment", pointer).value_or(true);
    settings.disableDuet = reader.boolean(json, "disableDuet", pointer).value_or(true);
    settings.disableStitch = reader.boolean(json, "disableStitch", pointer).value_or(true);
    settings.brandContentToggle = reader.boolean(json, "brandContentToggle", pointer).value_or(false);
    settings.brandOrganicToggle = reader.boolean(json, "brandOrganicToggle", pointer).value_or(false);
    settings.discloseCommercialContent =
        reader.boolean(json, "discloseCommercialContent", pointer)
            .value_or(settings.brandContentToggle || settings.brandOrganicToggle);
    settings.isAigc = reader.boolean(json, "isAigc", pointer).value_or(false);
    settings.videoCoverTimestampMs =
        reader.integer<qint64>(json, "videoCoverTimestampMs", pointer, limits::CoverTimestampMs);
    settings.autoAddMusic = reader.boolean(json, "autoAddMusic", pointer).value_or(false);
    settings.photoCoverIndex =
        reader.integer<int>(json, "photoCoverIndex", pointer, limits::PhotoCoverIndex).value_or(0);
    settings.title = reader.string(json, "title", pointer, MaxTitleUtf16);
    const QString postMode = reader.string(json, "postMode", pointer);
    if (!postMode.isEmpty()) {
        if (postMode != u"DIRECT_POST" && postMode != u"MEDIA_UPLOAD") {
            reader.fail(pointer + u"/postMode", u"\"DIRECT_POST\" or \"MEDIA_UPLOAD\"");
        }
        settings.postMode = postMode;
    }
    return settings;
}

// Inserts `value` at the nested `path` of `root`, keeping every sibling already there.
void insertAtPath(QJsonObject &root, QStringList path, const QJsonValue &value) {
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        root.insert(key, value);
        return;
    }
    QJsonObject child = root.value(key).toObject();
    insertAtPath(child, path, value);
    root.insert(key, child);
}

} // namespace

qsizetype maxPostJsonBytes() {
    return MaxDocumentBytes;
}

QString postTooLargeMessage(qint64 sizeBytes) {
    return QStringLiteral("The post is %1 MB; a post file is at most %2 MB (TikTok takes far less). "
                          "Check that this is the right file.")
        .arg(double(sizeBytes) / 1e6, 0, 'f', 1)
        .arg(MaxDocumentBytes / (1024 * 1024));
}

QString describeJsonPosition(const QByteArray &json, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

std::expected<ParsedPost, Error> parsePostJson(const QByteArray &json) {
    if (json.size() > MaxDocumentBytes) {
        return std::unexpected(Error{ErrorCode::JsonInvalid, postTooLargeMessage(json.size())});
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return std::unexpected(
            Error{ErrorCode::JsonMalformed, u"The post is not valid JSON: " + parseError.errorString()
                                                + u" at " + describeJsonPosition(json, parseError.offset)
                                                + u". Fix the file and try again."});
    }
    if (!document.isObject()) {
        return std::unexpected(
            Error{ErrorCode::JsonInvalid,
                  QStringLiteral("The post must be a JSON object with a \"content\" field.")});
    }
    return parsePostJson(document.object());
}

std::expected<ParsedPost, Error> parsePostJson(const QJsonObject &json) {
    ContractReader reader;
    ParsedPost parsed;
    Post &post = parsed.post;
    post.sourceJson = json;

    reader.warnUnknown(json, QString(),
                       {"content", "platforms", "scheduledFor", "platformSetId", "accounts"});
    const QJsonObject content = reader.object(json, "content", QString());
    reader.warnUnknown(content, QStringLiteral("/content"), {"text", "media", "platformOverrides"});
    post.text = reader.string(content, "text", QStringLiteral("/content"), MaxTextUtf16);
    const QJsonArray media = reader.array(content, "media", QStringLiteral("/content"));
    if (media.size() > MaxMediaItems) {
        reader.fail(QStringLiteral("/content/media"),
                    QStringLiteral("a list of at most %1 items (TikTok takes %2)")
                        .arg(MaxMediaItems)
                        .arg(rules::MaxPhotos));
    }
    for (qsizetype i = 0; i < media.size() && media.size() <= MaxMediaItems; ++i) {
        const QString pointer = u"/content/media/" + QString::number(i);
        if (!media.at(i).isObject()) {
            reader.fail(pointer, u"an object with a \"url\"");
            break;
        }
        post.media.append(readMedia(reader, media.at(i).toObject(), pointer));
    }
    const QJsonObject overrides = reader.object(content, "platformOverrides", QStringLiteral("/content"));
    reader.warnUnknown(overrides, QStringLiteral("/content/platformOverrides"), {"tiktok"});
    const QJsonObject tiktok =
        reader.object(overrides, "tiktok", QStringLiteral("/content/platformOverrides"));
    reader.warnUnknown(tiktok, QStringLiteral("/content/platformOverrides/tiktok"), {"settings"});
    post.tiktok = readSettings(
        reader, reader.object(tiktok, "settings", QStringLiteral("/content/platformOverrides/tiktok")),
        QStringLiteral("/content/platformOverrides/tiktok/settings"));

    if (json.contains(u"platforms")) {
        post.platforms = reader.strings(json, "platforms", QString());
    }
    post.accounts = reader.strings(json, "accounts", QString());
    post.platformSetId = reader.string(json, "platformSetId", QString());
    const QString scheduledFor = reader.string(json, "scheduledFor", QString());
    if (!scheduledFor.isEmpty()) {
        const QDateTime when = QDateTime::fromString(scheduledFor, Qt::ISODateWithMs);
        // Without an offset the time would silently mean "this computer's zone": refuse it.
        const bool hasOffset = when.timeSpec() == Qt::UTC || when.timeSpec() == Qt::OffsetFromUTC;
        if (!when.isValid() || !hasOffset) {
            reader.fail(QStringLiteral("/scheduledFor"),
                        u"an ISO 8601 time with an offset or Z, such as 2026-12-01T18:30:00+01:00, or null");
        } else {
            post.scheduledFor = when;
        }
    }
    if (reader.error) {
        return std::unexpected(*reader.error);
    }
    parsed.warnings = reader.warnings;
    return parsed;
}

QJsonObject postToJson(const Post &post) {
    QJsonObject json = post.sourceJson;
    QJsonArray media;
    for (const MediaDescriptor &item : post.media) {
        media.append(mediaDescriptorToJson(item));
    }
    const QJsonObject sourceSettings = json.value(u"content")
                                           .toObject()
                                           .value(u"platformOverrides")
                                           .toObject()
                                           .value(u"tiktok")
                                           .toObject()
                                           .value(u"settings")
                                           .toObject();
    QJsonObject settings = sourceSettings;
    const TikTokSettings &s = post.tiktok;
    if (s.privacyLevel.isEmpty()) {
        settings.remove(QStringLiteral("privacyLevel"));
    } else {
        settings.insert(QStringLiteral("privacyLevel"), s.privacyLevel);
    }
    settings.insert(QStringLiteral("disableComment"), s.disableComment);
    settings.insert(QStringLiteral("disableDuet"), s.disableDuet);
    settings.insert(QStringLiteral("disableStitch"), s.disableStitch);
    settings.insert(QStringLiteral("discloseCommercialContent"), s.discloseCommercialContent);
    settings.insert(QStringLiteral("brandContentToggle"), s.brandContentToggle);
    settings.insert(QStringLiteral("brandOrganicToggle"), s.brandOrganicToggle);
    settings.insert(QStringLiteral("isAigc"), s.isAigc);
    if (s.videoCoverTimestampMs) {
        settings.insert(QStringLiteral("videoCoverTimestampMs"), *s.videoCoverTimestampMs);
    } else {
        settings.remove(QStringLiteral("videoCoverTimestampMs"));
    }
    settings.insert(QStringLiteral("autoAddMusic"), s.autoAddMusic);
    settings.insert(QStringLiteral("photoCoverIndex"), s.photoCoverIndex);
    settings.insert(QStringLiteral("title"), s.title);
    settings.insert(QStringLiteral("postMode"), s.postMode);

    insertAtPath(json, {QStringLiteral("content"), QStringLiteral("text")}, post.text);
    insertAtPath(json, {QStringLiteral("content"), QStringLiteral("media")}, media);
    insertAtPath(json,
                 {QStringLiteral("content"), QStringLiteral("platformOverrides"), QStringLiteral("tiktok"),
                  QStringLiteral("settings")},
                 settings);
    json.insert(QStringLiteral("platforms"), QJsonArray::fromStringList(post.platforms));
    json.insert(QStringLiteral("scheduledFor"), post.scheduledFor
                                                    ? QJsonValue(post.scheduledFor->toString(Qt::ISODate))
                                                    : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("platformSetId"),
                post.platformSetId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(post.platformSetId));
    json.insert(QStringLiteral("accounts"), QJsonArray::fromStringList(post.accounts));
    return json;
}

} // namespace cq
