#pragma once

#include <QHostAddress>
#include <QUrl>

namespace cq::net {

// The transport's rules about addresses, in one place.

// 127.0.0.0/8, ::1 or "localhost": this computer.
bool isLoopbackHost(const QString &host);

// https:// anywhere, plain http:// only to this computer: what carries credentials never crosses a
// network unencrypted (tests and local stand-ins run on loopback).
bool isSecureOrLoopback(const QUrl &url);

// Not this computer, not link-local, not a private, shared or reserved network (IPv4 and IPv6,
// IPv4-mapped addresses included): an address anyone on the internet could reach.
bool isPublicAddress(const QHostAddress &address);

// Same scheme, host and port (default ports filled in).
bool isSameOrigin(const QUrl &first, const QUrl &second);

} // namespace cq::net
