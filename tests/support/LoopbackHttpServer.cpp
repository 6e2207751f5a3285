#include "LoopbackHttpServer.h"

#include <QTcpSocket>

namespace cq::test {

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent) {
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        qFatal("cannot listen on 127.0.0.1");
    }
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onConnection);
}

QString LoopbackHttpServer::url(const QString &path) const {
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void LoopbackHttpServer::onConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            Request request;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0) {
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
                }
            }
            const qsizetype bodyLength = request.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < headerEnd + 4 + bodyLength) {
                return; // wait for the whole body
            }
            request.body = buffer->mid(headerEnd + 4, bodyLength);
            buffer->remove(0, headerEnd + 4 + bodyLength);
            m_requests << request;

            const Response response = m_routes.contains(request.path) ? m_routes.value(request.path)
                                      : m_handler                     ? m_handler(request)
                                                  : Response{404, "not found", "text/plain", true, false, {}};
            if (response.dropConnection) {
                socket->abort();
                return;
            }
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status)
                              + " X\r\nContent-Type: " + response.contentType + "\r\n";
            for (const auto &[name, value] : response.headers) {
                head += name + ": " + value + "\r\n";
            }
            if (response.sendContentLength) {
                head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
            }
            head += "Connection: close\r\n\r\n";
            socket->write(head);
            socket->write(response.body);
            socket->disconnectFromHost();
        });
    }
}

} // namespace cq::test
