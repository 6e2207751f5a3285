#include "net/UrlRules.h"

#include <QHostAddress>

namespace cq::net {

namespace {
int portOf(const QUrl &url) {
    return url.port(url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1);
}
} // namespace

bool isLoopbackHost(const QString &host) {
    const QHostAddress address(host);
    return host.compare(u"localhost", Qt::CaseInsensitive) == 0
           || (!address.isNull() && address.isLoopback());
}

bool isSecureOrLoopback(const QUrl &url) {
    const QString scheme = url.scheme();
    return scheme == u"https" || (scheme == u"http" && isLoopbackHost(url.host()));
}

bool isSameOrigin(const QUrl &first, const QUrl &second) {
    return first.scheme() == second.scheme() && first.host().compare(second.host(), Qt::CaseInsensitive) == 0
           && portOf(first) == portOf(second);
}

} // namespace cq::net
