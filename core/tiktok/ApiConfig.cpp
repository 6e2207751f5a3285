#include "tiktok/ApiConfig.h"

#include "net/UrlRules.h"

#include <QHostAddress>

namespace cq::tiktok {

QUrl ApiConfig::endpoint(const QString &path) const {
    QUrl url = apiBase;
    QString base = url.path();
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + path);
    return url;
}

std::expected<QUrl, Error> ApiConfig::checkedUrl(const QString &text, const char *variable) {
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        return std::unexpected(
            Error{ErrorCode::Usage, QString::fromLatin1(variable) + u" must be an https:// URL."});
    }
    if (!net::isSecureOrLoopback(url)) {
        return std::unexpected(
            Error{ErrorCode::Usage, QString::fromLatin1(variable)
                                        + u" uses plain http:// to a host that is not this "
                                          u"computer; use https:// so tokens stay encrypted."});
    }
    return url;
}

QUrl ApiConfig::under(QUrl base, const QString &name) {
    base.setPath(base.path().chopped(base.path().endsWith(u'/') ? 1 : 0) + u'/' + name);
    return base;
}

QUrl ApiConfig::photoUploadTarget() const {
    if (photoS3Bucket.isEmpty()) {
        return photoUploadBase;
    }
    QUrl url = photoUploadBase;
    QString path = url.path();
    if (!path.endsWith(u'/')) {
        path += u'/';
    }
    url.setPath(path + photoS3Bucket + u'/');
    return url;
}

std::expected<QUrl, Error> ApiConfig::checkedPhotoPublicUrl(const QString &text) {
    auto url = checkedUrl(text, "CLIPQUEUE_PHOTO_PUBLIC_URL");
    if (!url) {
        return url;
    }
    // TikTok verifies a domain or URL prefix, and pulls only over https: an IP address can never be
    // verified. (Plain http to this computer stays allowed, as for the API base, for tests.)
    if (url->scheme() == u"https" && !QHostAddress(url->host()).isNull()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("CLIPQUEUE_PHOTO_PUBLIC_URL must name a domain "
                                                   "(https://photos.example.com/...), not an IP "
                                                   "address: TikTok pulls photos only from a "
                                                   "domain verified in your developer portal.")});
    }
    return url;
}

namespace {
// The setting as a checked URL into `url`; an unset one leaves `url` as it is.
std::expected<void, Error> readUrl(const Settings &settings, Setting setting, QUrl &url) {
    const QString text = settings.value(setting);
    if (text.isEmpty()) {
        return {};
    }
    const QString variable = Settings::environmentVariable(setting);
    auto checked = ApiConfig::checkedUrl(text, variable.toLatin1().constData());
    if (!checked) {
        return std::unexpected(checked.error());
    }
    url = *checked;
    return {};
}

// An S3-compatible photo host (CLIPQUEUE_PHOTO_S3_* or the stored settings; the secret from the
// environment or the keychain).
std::expected<void, Error> readPhotoS3(const Settings &settings, ApiConfig &config) {
    config.photoS3AccessKey = settings.value(Setting::PhotoS3AccessKey).trimmed();
    config.photoS3SecretKey = settings.value(Setting::PhotoS3SecretKey).trimmed();
    config.photoS3Bucket = settings.value(Setting::PhotoS3Bucket).trimmed();
    if (const QString region = settings.value(Setting::PhotoS3Region).trimmed(); !region.isEmpty()) {
        config.photoS3Region = region;
    }
    if (config.usesS3() && config.photoS3SecretKey.isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("CLIPQUEUE_PHOTO_S3_ACCESS_KEY is set but "
                                                   "CLIPQUEUE_PHOTO_S3_SECRET_KEY is not.")});
    }
    return {};
}

// The scopes to ask for (CLIPQUEUE_TIKTOK_SCOPES); at least one of them must allow posting.
std::expected<void, Error> readScopes(ApiConfig &config) {
    const QString scopes = qEnvironmentVariable("CLIPQUEUE_TIKTOK_SCOPES");
    if (scopes.isEmpty()) {
        return {};
    }
    config.scopes = scopes.split(u',', Qt::SkipEmptyParts);
    if (!config.scopes.contains(u"video.publish") && !config.scopes.contains(u"video.upload")) {
        return std::unexpected(Error{ErrorCode::Usage, QStringLiteral("CLIPQUEUE_TIKTOK_SCOPES must include "
                                                                      "video.publish or video.upload.")});
    }
    return {};
}
} // namespace

std::expected<ApiConfig, Error> ApiConfig::fromSettings(const Settings &settings) {
    ApiConfig config;
    for (const auto &[setting, url] : {std::pair<Setting, QUrl *>{Setting::TikTokApiBase, &config.apiBase},
                                       {Setting::TikTokAuthUrl, &config.authUrl},
                                       {Setting::PhotoUploadUrl, &config.photoUploadBase}}) {
        if (auto read = readUrl(settings, setting, *url); !read) {
            return std::unexpected(read.error());
        }
    }
    if (const QString publicBase = settings.value(Setting::PhotoPublicUrl); !publicBase.isEmpty()) {
        auto url = checkedPhotoPublicUrl(publicBase);
        if (!url) {
            return std::unexpected(url.error());
        }
        config.photoPublicBase = *url;
    }
    config.photoUploadToken = settings.value(Setting::PhotoUploadToken);
    if (auto s3 = readPhotoS3(settings, config); !s3) {
        return std::unexpected(s3.error());
    }
    if (auto scopes = readScopes(config); !scopes) {
        return std::unexpected(scopes.error());
    }
    config.clientKey = settings.value(Setting::TikTokClientKey).trimmed();
    config.clientSecret = settings.value(Setting::TikTokClientSecret).trimmed();
    return config;
}

std::expected<void, Error> ApiConfig::checkCredentials() const {
    if (clientKey.isEmpty() || clientSecret.isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("Enter your TikTok app's client key and client secret in "
                                                   "Settings (or set CLIPQUEUE_TIKTOK_CLIENT_KEY and "
                                                   "CLIPQUEUE_TIKTOK_CLIENT_SECRET) first; README says where "
                                                   "to get them.")});
    }
    return {};
}

} // namespace cq::tiktok
