#include "tiktok/LoopbackRedirectListener.h"

#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace cq::tiktok {

LoopbackRedirectListener::LoopbackRedirectListener(int timeoutMs, QObject *parent)
    : QObject(parent) {
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_server.close();
        Q_EMIT timedOut();
    });
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onConnection);
}

bool LoopbackRedirectListener::listen() {
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        return false;
    }
    m_redirectUri = QStringLiteral("http://127.0.0.1:%1/callback/").arg(m_server.serverPort());
    m_timeout.start();
    return true;
}

void LoopbackRedirectListener::onConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() > 16384) {
                socket->abort(); // not a browser redirect
                return;
            }
            if (!buffer->contains("\r\n\r\n")) {
                return;
            }
            const QList<QByteArray> requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
            const QUrl target(QString::fromLatin1(requestLine.value(1)));
            if (requestLine.value(0) != "GET" || target.path() != u"/callback/") {
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            const QByteArray page =
                "<!doctype html><meta charset=utf-8><title>ClipQueue</title>"
                "<p style='font:16px sans-serif'>You can close this window and go back to "
                "ClipQueue.</p>";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                          + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
            socket->disconnectFromHost();
            // One use only: nobody else gets to deliver a code here.
            m_server.close();
            m_timeout.stop();
            Q_EMIT received(QUrlQuery(target));
        });
    }
}

void LoopbackRedirectListener::close() {
    m_server.close();
    m_timeout.stop();
}

} // namespace cq::tiktok
