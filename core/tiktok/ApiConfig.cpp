#include "tiktok/ApiConfig.h"

#include "net/UrlRules.h"

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
    config.photoPublicBase = QUrl(qEnvironmentVariable("CLIPQUEUE_PHOTO_PUBLIC_URL"));
    config.photoUploadToken = qEnvironmentVariable("CLIPQUEUE_PHOTO_UPLOAD_TOKEN");
    config.clientKey = qEnvironmentVariable("CLIPQUEUE_TIKTOK_CLIENT_KEY");
    config.clientSecret = qEnvironmentVariable("CLIPQUEUE_TIKTOK_CLIENT_SECRET");
    return config;
}

} // namespace cq::tiktok
