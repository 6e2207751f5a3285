#include "LoopbackHttpServer.h"

#include <QTcpSocket>

#include <algorithm>
#include <optional>
#include <utility>

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

namespace {
// What one connection has received so far: the bytes of the head, then the head and the body.
struct ConnectionState {
    QByteArray headBuffer;
    std::optional<LoopbackHttpServer::Request> head;
    qsizetype bodyReceived = 0;
    std::optional<qint64> dropAfter; // abort the connection once this much body has arrived
};

LoopbackHttpServer::Request parseHead(const QByteArray &head) {
    LoopbackHttpServer::Request request;
    const QList<QByteArray> lines = head.split('\n');
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
    return request;
}
} // namespace

void LoopbackHttpServer::onConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto state = std::make_shared<ConnectionState>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] {
            if (!state->head) {
                state->headBuffer += socket->readAll();
                const qsizetype headerEnd = state->headBuffer.indexOf("\r\n\r\n");
                if (headerEnd < 0) {
                    return;
                }
                state->head = parseHead(state->headBuffer.left(headerEnd));
                const qsizetype bodyLength = state->head->headers.value("content-length", "0").toLongLong();
                // The body goes straight into one buffer of its size (gigabyte uploads in bench_upload).
                const QByteArray early = state->headBuffer.mid(headerEnd + 4, bodyLength);
                state->headBuffer.clear();
                state->head->body.resize(bodyLength);
                std::copy(early.cbegin(), early.cend(), state->head->body.begin());
                state->bodyReceived = early.size();
                for (qsizetype i = 0; i < m_midBodyDrops.size(); ++i) {
                    if (state->head->path.startsWith(m_midBodyDrops.at(i).first)) {
                        state->dropAfter = m_midBodyDrops.takeAt(i).second;
                        break;
                    }
                }
                if (state->head->headers.value("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                    socket->write("HTTP/1.1 100 Continue\r\n\r\n"); // curl waits a second for it otherwise
                }
            }
            QByteArray &body = state->head->body;
            while (state->bodyReceived < body.size()) {
                const qint64 n =
                    socket->read(body.data() + state->bodyReceived, body.size() - state->bodyReceived);
                if (n <= 0) {
                    break;
                }
                state->bodyReceived += n;
            }
            if (state->dropAfter && state->bodyReceived >= *state->dropAfter) {
                socket->abort();
                return;
            }
            if (state->bodyReceived < body.size()) {
                return; // wait for the whole body
            }
            Request request = *std::exchange(state->head, std::nullopt);
            m_requests << (m_logsBodies ? request
                                        : Request{request.method, request.path, request.headers, {}});
            if (std::any_of(m_silentPaths.cbegin(), m_silentPaths.cend(),
                            [&](const QByteArray &prefix) { return request.path.startsWith(prefix); })) {
                return;
            }

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
