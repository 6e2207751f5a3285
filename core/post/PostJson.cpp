#include "post/PostJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace cq {

namespace {

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

    QString string(const QJsonObject &parent, const char *key, const QString &pointer) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (!value.isString()) {
            fail(pointer + u'/' + QLatin1StringView(key), u"a string");
            return {};
        }
        return value.toString();
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

    std::optional<double> number(const QJsonObject &parent, const char *key, const QString &pointer) {
        const QJsonValue value = parent.value(QLatin1StringView(key));
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (!value.isDouble() || value.toDouble() < 0) {
            fail(pointer + u'/' + QLatin1StringView(key), u"a number, zero or more");
            return std::nullopt;
        }
        return value.toDouble();
    }

    template<typename Int>
    std::optional<Int> integer(const QJsonObject &parent, const char *key, const QString &pointer) {
        const std::optional<double> value = number(parent, key, pointer);
        if (!value) {
            return std::nullopt;
        }
        if (*value != double(qint64(*value))) {
            fail(pointer + u'/' + QLatin1StringView(key), u"a whole number");
            return std::nullopt;
        }
        return Int(*value);
    }

    QStringList strings(const QJsonObject &parent, const char *key, const QString &pointer) {
        QStringList result;
        const QJsonArray values = array(parent, key, pointer);
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
    media.sizeBytes = reader.integer<qint64>(json, "sizeBytes", pointer);
    media.filename = reader.string(json, "filename", pointer);
    media.width = reader.integer<int>(json, "width", pointer);
    media.height = reader.integer<int>(json, "height", pointer);
    media.durationSeconds = reader.number(json, "durationSeconds", pointer);
    media.codec = reader.string(json, "codec", pointer);
    media.frameRate = reader.number(json, "frameRate", pointer);
    media.rotation = reader.integer<int>(json, "rotation", pointer);
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
    settings.videoCoverTimestampMs = reader.integer<qint64>(json, "videoCoverTimestampMs", pointer);
    settings.autoAddMusic = reader.boolean(json, "autoAddMusic", pointer).value_or(false);
    settings.photoCoverIndex = reader.integer<int>(json, "photoCoverIndex", pointer).value_or(0);
    settings.title = reader.string(json, "title", pointer);
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

QString describeJsonPosition(const QByteArray &json, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

std::expected<ParsedPost, Error> parsePostJson(const QByteArray &json) {
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
    post.text = reader.string(content, "text", QStringLiteral("/content"));
    const QJsonArray media = reader.array(content, "media", QStringLiteral("/content"));
    for (qsizetype i = 0; i < media.size(); ++i) {
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
