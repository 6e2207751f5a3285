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

bool isPublicAddress(const QHostAddress &address) {
    if (address.isNull()) {
        return false;
    }
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4); // also ::ffff:a.b.c.d
    if (isIPv4) {
        static const QList<std::pair<QHostAddress, int>> nonPublic = [] {
            QList<std::pair<QHostAddress, int>> subnets;
            for (const char *subnet :
                 {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                  "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3"}) {
                subnets << QHostAddress::parseSubnet(QString::fromLatin1(subnet));
            }
            return subnets;
        }();
        const QHostAddress plain(ipv4);
        return std::none_of(nonPublic.cbegin(), nonPublic.cend(),
                            [&](const auto &subnet) { return plain.isInSubnet(subnet); });
    }
    return !(address.isLoopback() || address.isLinkLocal() || address.isSiteLocal()
             || address.isUniqueLocalUnicast() || address.isMulticast()
             || address == QHostAddress(QHostAddress::AnyIPv6));
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
