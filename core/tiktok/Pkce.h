#pragma once

#include <QString>

namespace cq::tiktok {

// PKCE as TikTok's Login Kit for Desktop does it: unlike RFC 7636, the code challenge is the
// lowercase hex SHA-256 of the verifier (64 characters), not base64url.
struct Pkce {
    QString verifier;  // 64 characters from [A-Za-z0-9-._~], new for every authorisation
    QString challenge; // hex(sha256(verifier))

    static Pkce generate();
    static QString challengeFor(const QString &verifier);
};

// A random `state` value for one authorisation request.
QString randomState();

} // namespace cq::tiktok
