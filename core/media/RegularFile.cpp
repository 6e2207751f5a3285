#include "media/RegularFile.h"

#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace cq {

namespace {
const QString notRegular = QStringLiteral("it is not a regular file (a pipe, device or socket). Add the "
                                          "video or photo file itself.");
std::function<void(const QString &)> &afterOpenHook() {
    static std::function<void(const QString &)> hook;
    return hook;
}

std::expected<void, QString> opened(const QString &name) {
    if (afterOpenHook()) {
        afterOpenHook()(name);
    }
    return {};
}
} // namespace

namespace testing {
void setAfterOpenHook(std::function<void(const QString &path)> hook) {
    afterOpenHook() = std::move(hook);
}
} // namespace testing

bool isRegularFile(const QString &path) {
    const QFileInfo info(path);
    return info.exists() && info.isFile();
}

std::expected<void, QString> openRegularFile(QFile &file) {
    const QString name = file.fileName(); // QFile forgets it when given a descriptor
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(name).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return std::unexpected(QString::fromLocal8Bit(std::strerror(errno)));
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        ::close(fd);
        return std::unexpected(notRegular);
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return std::unexpected(file.errorString());
    }
    return opened(name);
#else
    if (!isRegularFile(name)) {
        return std::unexpected(notRegular);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(file.errorString());
    }
    return opened(name);
#endif
}

} // namespace cq
