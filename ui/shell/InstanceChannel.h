#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace cq::ui {

// One ClipQueue window per data folder: "Open with ClipQueue" in a file manager starts a second
// process, which hands its files to the running window over a local socket and exits, instead of
// opening a second window on the same queue.
class InstanceChannel : public QObject {
    Q_OBJECT
public:
    // `key` names the channel; instances with the same key share one window (the data folder).
    explicit InstanceChannel(const QString &key, QObject *parent = nullptr);
    ~InstanceChannel() override;

    // Hands `paths` (absolute) to a running instance. True when one took them: the caller exits.
    bool handOver(const QStringList &paths, int timeoutMs = 2000) const;
    // Becomes the instance others hand over to. False if the channel cannot be opened (then the app
    // simply runs without it).
    bool listen();

    static QString channelName(const QString &key);

Q_SIGNALS:
    // Another process was started with these files (possibly none: then it only wants the window).
    void filesHandedOver(const QStringList &paths);

private:
    void readConnection();
    void readMessage(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace cq::ui
