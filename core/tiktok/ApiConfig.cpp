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
    config.photoPublicBase = QUrl(settings.value(Setting::PhotoPublicUrl));
    config.photoUploadToken = settings.value(Setting::PhotoUploadToken);
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
