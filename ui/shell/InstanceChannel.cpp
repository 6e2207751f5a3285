#include "shell/InstanceChannel.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QtEndian>

namespace cq::ui {

namespace {
// A handover is a 4-byte big-endian length and a JSON array of paths. The cap bounds what a stray
// client can make the window buffer.
constexpr quint32 maxMessageBytes = 4 * 1024 * 1024;
constexpr qint64 headerBytes = sizeof(quint32);
} // namespace

InstanceChannel::InstanceChannel(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(channelName(key)) {
}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::channelName(const QString &key) {
    // Socket names have short length limits; the hash keeps one per user and data folder.
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("clipqueue-") + QString::fromLatin1(digest.left(24));
}

bool InstanceChannel::handOver(const QStringList &paths, int timeoutMs) const {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        return false;
    }
    const QByteArray body = QJsonDocument(QJsonArray::fromStringList(paths)).toJson(QJsonDocument::Compact);
    QByteArray header(headerBytes, Qt::Uninitialized);
    qToBigEndian(static_cast<quint32>(body.size()), header.data());
    socket.write(header + body);
    if (!socket.waitForBytesWritten(timeoutMs)) {
        return false;
    }
    // The receiver closes once it has read the list, so the files are in the window when we exit.
    socket.waitForDisconnected(timeoutMs);
    return true;
}

bool InstanceChannel::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: nobody answered handOver(), so it is stale.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &InstanceChannel::readConnection);
    return true;
}

void InstanceChannel::readConnection() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
    }
}

void InstanceChannel::readMessage(QLocalSocket *socket) {
    if (socket->bytesAvailable() < headerBytes) {
        return;
    }
    const quint32 bodyBytes = qFromBigEndian<quint32>(socket->peek(headerBytes).constData());
    if (bodyBytes > maxMessageBytes) {
        socket->abort();
        return;
    }
    if (socket->bytesAvailable() < headerBytes + bodyBytes) {
        return; // the rest is still on its way
    }
    socket->skip(headerBytes);
    const QJsonDocument document = QJsonDocument::fromJson(socket->read(bodyBytes));
    socket->disconnectFromServer();
    if (!document.isArray()) {
        return;
    }
    QStringList paths;
    for (const QJsonValue &path : document.array()) {
        if (path.isString()) {
            paths.append(path.toString());
        }
    }
    Q_EMIT filesHandedOver(paths);
}

} // namespace cq::ui
