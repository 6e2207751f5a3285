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

std::expected<ApiConfig, Error> ApiConfig::fromEnvironment() {
    ApiConfig config;
    if (const QString base = qEnvironmentVariable("CLIPQUEUE_TIKTOK_API_BASE"); !base.isEmpty()) {
        auto url = checkedUrl(base, "CLIPQUEUE_TIKTOK_API_BASE");
        if (!url) {
            return std::unexpected(url.error());
        }
        config.apiBase = *url;
    }
    if (const QString auth = qEnvironmentVariable("CLIPQUEUE_TIKTOK_AUTH_URL"); !auth.isEmpty()) {
        auto url = checkedUrl(auth, "CLIPQUEUE_TIKTOK_AUTH_URL");
        if (!url) {
            return std::unexpected(url.error());
        }
        config.authUrl = *url;
    }
    if (const QString upload = qEnvironmentVariable("CLIPQUEUE_PHOTO_UPLOAD_URL"); !upload.isEmpty()) {
        auto url = checkedUrl(upload, "CLIPQUEUE_PHOTO_UPLOAD_URL");
        if (!url) {
            return std::unexpected(url.error());
        }
        config.photoUploadBase = *url;
    }
    if (const QString publicBase = qEnvironmentVariable("CLIPQUEUE_PHOTO_PUBLIC_URL");
        !publicBase.isEmpty()) {
        auto url = checkedPhotoPublicUrl(publicBase);
        if (!url) {
            return std::unexpected(url.error());
        }
        config.photoPublicBase = *url;
    }
    config.photoUploadToken = qEnvironmentVariable("CLIPQUEUE_PHOTO_UPLOAD_TOKEN");
    config.photoS3AccessKey = qEnvironmentVariable("CLIPQUEUE_PHOTO_S3_ACCESS_KEY");
    config.photoS3SecretKey = qEnvironmentVariable("CLIPQUEUE_PHOTO_S3_SECRET_KEY");
    config.photoS3Bucket = qEnvironmentVariable("CLIPQUEUE_PHOTO_S3_BUCKET");
    if (const QString region = qEnvironmentVariable("CLIPQUEUE_PHOTO_S3_REGION"); !region.isEmpty()) {
        config.photoS3Region = region;
    }
    if (config.usesS3() && config.photoS3SecretKey.isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("CLIPQUEUE_PHOTO_S3_ACCESS_KEY is set but "
                                                   "CLIPQUEUE_PHOTO_S3_SECRET_KEY is not.")});
    }
    if (const QString scopes = qEnvironmentVariable("CLIPQUEUE_TIKTOK_SCOPES"); !scopes.isEmpty()) {
        config.scopes = scopes.split(u',', Qt::SkipEmptyParts);
        if (!config.scopes.contains(u"video.publish") && !config.scopes.contains(u"video.upload")) {
            return std::unexpected(
                Error{ErrorCode::Usage, QStringLiteral("CLIPQUEUE_TIKTOK_SCOPES must include "
                                                       "video.publish or video.upload.")});
        }
    }
    config.clientKey = qEnvironmentVariable("CLIPQUEUE_TIKTOK_CLIENT_KEY");
    config.clientSecret = qEnvironmentVariable("CLIPQUEUE_TIKTOK_CLIENT_SECRET");
    return config;
}

} // namespace cq::tiktok
