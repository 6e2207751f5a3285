#include "tiktok/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace cq::tiktok {

namespace {
QString randomUnreserved(int length) {
    static const QLatin1StringView alphabet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
    QString text;
    text.reserve(length);
    QRandomGenerator *random = QRandomGenerator::system(); // cryptographically secure
    for (int i = 0; i < length; ++i) {
        text += QChar(alphabet.at(random->bounded(int(alphabet.size()))));
    }
    return text;
}
} // namespace

Pkce Pkce::generate() {
    Pkce pkce;
    pkce.verifier = randomUnreserved(64);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QString Pkce::challengeFor(const QString &verifier) {
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256).toHex());
}

QString randomState() {
    return randomUnreserved(32);
}

} // namespace cq::tiktok
