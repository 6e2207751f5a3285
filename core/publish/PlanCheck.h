#pragma once

#include "media/MediaProber.h"
#include "post/CsvPosts.h"
#include "post/Finding.h"
#include "post/PostValidator.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"

#include <QDateTime>
#include <QList>

namespace cq {

// A row of a plan (CSV import, bulk folder) as checked before anything is stored: its post with
// the time "queue" resolved, and its findings (media probed, the account's cached creator info).
struct CheckedRow {
    CsvPostRow row;
    QList<Finding> findings;
    QString problem; // the row itself could not be read, or no posting time was free

    bool isStorable() const;
};

// Checks every row of a plan first, so that the user sees every finding before deciding to store
// (issue: "nothing stored unless the user goes ahead"). "queue" rows get the account's next free
// posting times one after another, the earlier rows' times counting as taken. Blocking (probes
// local files): a worker thread or the CLI.
class PlanCheck {
public:
    PlanCheck(const Database &database, const PostRepository &posts, const MediaProber &prober);

    QList<CheckedRow> check(const QList<CsvPostRow> &rows, const QString &baseDirectory,
                            const QDateTime &nowUtc) const;

    // One row per video of `paths` (a folder counts as the videos directly in it, by name), its
    // caption from a sidecar text file beside it (clip.mp4 → clip.txt) when there is one. Photos
    // and other files are left out: a photo post is several photos, which a folder cannot say.
    static QList<CsvPostRow> rowsFromFiles(const QStringList &paths);
    // Gives the rows times on `days` days from `firstDay`, one a day in turn at `at` in `zone`; when
    // there are more rows than days, the next round is an hour later.
    static void spreadOverDays(QList<CsvPostRow> &rows, const QDate &firstDay, int days, const QTime &at,
                               const QString &zone);

private:
    QList<Finding> validate(const Post &post, const QString &baseDirectory, const QDateTime &nowUtc) const;
    QList<DuplicateMedia> duplicatesOf(const Post &post, const QString &baseDirectory) const;

    const Database &m_db;
    const PostRepository &m_posts;
    const MediaProber &m_prober;
};

} // namespace cq
