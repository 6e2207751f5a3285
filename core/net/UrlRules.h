#pragma once

#include <QUrl>

namespace cq::net {

// The transport's rules about addresses, in one place.

// 127.0.0.0/8, ::1 or "localhost": this computer.
bool isLoopbackHost(const QString &host);

// https:// anywhere, plain http:// only to this computer: what carries credentials never crosses a
// network unencrypted (tests and local stand-ins run on loopback).
bool isSecureOrLoopback(const QUrl &url);

// Same scheme, host and port (default ports filled in).
bool isSameOrigin(const QUrl &first, const QUrl &second);

} // namespace cq::net
