#include "CreatorInfoSource.h"

#include "accounts/CreatorInfoCache.h"
#include "session/AppConfig.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace cq::cli {

std::expected<CreatorInfo, QString> readCreatorInfoFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(u"cannot read it (" + file.errorString() + u")");
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject()) {
        return std::unexpected(QStringLiteral("not a JSON object"));
    }
    auto info = CreatorInfo::fromJson(document.object());
    if (!info) {
        return std::unexpected(info.error().message);
    }
    return *info;
}

// The creator info cached for the post's first account (or the default account) when this machine
// has a ClipQueue database; never creates one.
std::optional<CreatorInfo> cachedCreatorInfo(const Post &post, QTextStream &err) {
    const auto config = AppConfig::load();
    if (!config
        || (config->database.backend == DatabaseConfig::Backend::Sqlite
            && !QFileInfo::exists(config->database.sqlitePath))) {
        return std::nullopt;
    }
    auto database = Database::open(config->database);
    if (!database) {
        err << "note: cached creator info not read (" << database.error().message << ")\n";
        return std::nullopt;
    }
    const SystemClock clock;
    const QString account = post.accounts.isEmpty() ? QString() : post.accounts.constFirst();
    auto entry = CreatorInfoCache(**database, clock).lookup(account);
    if (!entry || !*entry) {
        return std::nullopt;
    }
    err << "Checked against the creator info of "
        << (account.isEmpty() ? QStringLiteral("the default account") : account) << " fetched "
        << (*entry)->fetchedAt.toLocalTime().toString(Qt::ISODate) << ".\n";
    return (*entry)->info;
}

} // namespace cq::cli
