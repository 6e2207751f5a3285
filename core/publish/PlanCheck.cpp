#include "publish/PlanCheck.h"

#include "media/MediaStore.h"
#include "media/RegularFile.h"
#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"
#include "publish/QueueSlots.h"
#include "storage/AccountRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>

namespace cq {

bool CheckedRow::isStorable() const {
    return problem.isEmpty() && !hasErrors(findings);
}

PlanCheck::PlanCheck(const Database &database, const PostRepository &posts, const MediaProber &prober)
    : m_db(database)
    , m_posts(posts)
    , m_prober(prober) {
}

QList<Finding> PlanCheck::validate(const Post &post, const QString &baseDirectory,
                                   const QDateTime &nowUtc) const {
    ValidationContext context;
    context.now = nowUtc;
    context.requireAccounts = true;
    const AccountRepository accounts(m_db);
    context.hasDefaultAccount = accounts.hasDefault().value_or(false);
    if (auto cached = accounts.creatorInfo(post.accounts.value(0)); cached && *cached) {
        context.creator = (*cached)->info;
    }
    context.duplicates = duplicatesOf(post, baseDirectory);
    QList<Finding> findings = validatePost(post, checkPostMedia(post, m_prober, baseDirectory), context);
    // Remote media is downloaded when the row is stored, and checked then: its size and shape are
    // not known yet, which is no fault of the row.
    findings.removeIf([&post](const Finding &finding) {
        return finding.code == FindingCode::MediaMetadataMissing
               && std::any_of(post.media.cbegin(), post.media.cend(), [](const MediaDescriptor &media) {
                      return locateMedia(media.url).kind == MediaLocation::Kind::Remote;
                  });
    });
    return findings;
}

// Posts of the row's account already holding one of its local files' bytes. A file that cannot be
// read is left to the media check, which says so.
QList<DuplicateMedia> PlanCheck::duplicatesOf(const Post &post, const QString &baseDirectory) const {
    QList<DuplicateMedia> duplicates;
    auto account = AccountRepository(m_db).find(post.accounts.value(0));
    if (!account || !*account) {
        return duplicates;
    }
    for (int i = 0; i < post.media.size(); ++i) {
        MediaLocation location = locateMedia(post.media.at(i).url);
        if (location.kind != MediaLocation::Kind::LocalFile) {
            continue;
        }
        auto sha = sha256OfFile(QDir(baseDirectory).absoluteFilePath(location.localPath));
        auto shared = sha ? m_posts.sharingMedia((*account)->id, {*sha}, QString())
                          : std::expected<QList<PostRepository::SharedMedia>, Error>();
        if (shared && !shared->isEmpty()) {
            const PostRepository::SharedMedia &other = shared->first();
            duplicates << DuplicateMedia{i, other.postId, postStatusName(other.status), other.caption};
        }
    }
    return duplicates;
}

QList<CheckedRow> PlanCheck::check(const QList<CsvPostRow> &rows, const QString &baseDirectory,
                                   const QDateTime &nowUtc) const {
    const QueueSlots slots(m_db, m_posts);
    QList<QDateTime> given; // posting times handed to earlier rows
    QList<CheckedRow> checked;
    for (const CsvPostRow &row : rows) {
        CheckedRow result{row, {}, row.problem};
        if (result.problem.isEmpty() && row.addToQueue) {
            auto slot = slots.addToQueue(result.row.post, nowUtc, given);
            if (slot) {
                given << slot->atUtc;
            } else {
                result.problem = slot.error().message;
            }
        }
        if (result.problem.isEmpty()) {
            result.findings = validate(result.row.post, baseDirectory, nowUtc);
        }
        checked << result;
    }
    return checked;
}

QList<CsvPostRow> PlanCheck::rowsFromFiles(const QStringList &paths) {
    static const QStringList videos{QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("webm"),
                                    QStringLiteral("m4v")};
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            for (const QFileInfo &inside : QDir(path).entryInfoList(QDir::Files, QDir::Name)) {
                files << inside.absoluteFilePath();
            }
        } else {
            files << info.absoluteFilePath();
        }
    }
    QList<CsvPostRow> rows;
    for (const QString &file : std::as_const(files)) {
        const QFileInfo info(file);
        if (!videos.contains(info.suffix().toLower())) {
            continue;
        }
        CsvPostRow row;
        row.line = int(rows.size()) + 1;
        MediaDescriptor media;
        media.url = fileUrlForPath(file);
        row.post.media << media;
        QFile sidecar(info.dir().filePath(info.completeBaseName() + QStringLiteral(".txt")));
        if (openRegularFile(sidecar)) { // a FIFO named clip.txt would block the plan
            row.post.text = QString::fromUtf8(sidecar.readAll()).trimmed();
        }
        rows << row;
    }
    return rows;
}

void PlanCheck::spreadOverDays(QList<CsvPostRow> &rows, const QDate &firstDay, int days, const QTime &at,
                               const QString &zone) {
    const QTimeZone timeZone(zone.toUtf8());
    days = std::max(1, days);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QDate day = firstDay.addDays(i % days);
        const QTime time = at.addSecs(int(i / days) * 3600);
        rows[i].addToQueue = false;
        rows[i].post.scheduledFor = QDateTime(day, time, timeZone);
    }
}

} // namespace cq
