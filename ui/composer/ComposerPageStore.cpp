// The composer page's storing side: saving and submitting a new post, editing a stored one, and the
// questions asked on the way (unsaved changes, a withdrawn approval).
#include "composer/ComposerPage.h"

#include <QAction>
#include <QEventLoop>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimeZone>

#include "common/StatusText.h"
#include "composer/AccountPicker.h"
#include "composer/MediaListModel.h"
#include "composer/MediaPane.h"
#include "composer/PaletteTones.h"
#include "composer/PostSettingsForm.h"
#include "composer/WhenPicker.h"
#include "post/Lifecycle.h"

namespace cq::ui {

namespace {
// "Tue 18:30" within the coming week, "Tue 25 Mar 18:30" later, with the year when it is another.
QString shortWhen(const QDateTime &when) {
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(when.timeZone());
    QString format = QStringLiteral("ddd ");
    if (now.daysTo(when) >= 6 || now.daysTo(when) < 0) {
        format = WhenPicker::dayFormat() + u' ';
    }
    if (when.date().year() != now.date().year()) {
        format += QStringLiteral("yyyy ");
    }
    return locale.toString(when, format + WhenPicker::clockFormat());
}

QString firstError(const QList<Finding> &findings) {
    for (const Finding &finding : findings) {
        if (finding.isError()) {
            return finding.message;
        }
    }
    return {};
}
} // namespace

void ComposerPage::editPost(const PostRow &row) {
    if (m_busy) {
        return;
    }
    clear();
    m_editing = row;
    const StoredPost &stored = row.post;
    for (const StoredMedia &media : stored.media) {
        m_media->addStored(storePathOf(media.sha256), media.descriptor);
    }
    m_media->setLocked(true);
    m_media->model()->setCoverRow(stored.content.tiktok.photoCoverIndex);
    m_media->setVideoCoverMs(stored.content.tiktok.videoCoverTimestampMs);
    {
        const QSignalBlocker blocker(m_settings);
        m_settings->load(stored.content);
        AccountPicker *accounts = m_settings->accounts();
        const AccountSummary *fallback = accounts->primary(); // the default account, after clear()
        const QString account = stored.accountId().isEmpty() && fallback ? fallback->id : stored.accountId();
        accounts->setCheckedIds({account});
        accounts->setSingleChoice(true, tr("A stored post goes to one account: choosing another "
                                           "one moves it there."));
        WhenPicker *when = m_settings->when();
        when->setSchedule(stored.schedule.atUtc, stored.schedule.timeZone);
        // An edit without a time keeps the post's time: a timed post cannot go "as soon as possible".
        when->setAsapAllowed(!stored.schedule.atUtc,
                             tr("A stored post keeps its time: pick a new one, or post it now "
                                "from the queue."));
    }
    m_editingNote->setText(
        tr("Editing a post for %1 (%2). Its media stay as they are: to use "
           "other media, create a new post.")
            .arg(accountName(stored.accountId()), postStatusName(stored.status).replace(u'_', u' ')));
    m_editingNote->show();
    m_result->hide();
    if (stored.status == PostStatus::ChangesRequested) {
        loadReviewerComment(stored.id);
    }
    revalidate();
    markSaved();
}

void ComposerPage::loadReviewerComment(const QString &postId) {
    m_backend.postDetails(postId, this, [this, postId](std::expected<PostDetails, Error> details) {
        if (!details || !m_editing || m_editing->post.id != postId) {
            return;
        }
        const QString requestChanges = Lifecycle::actionName(PostAction::RequestChanges);
        for (auto entry = details->history.crbegin(); entry != details->history.crend(); ++entry) {
            if (entry->action == requestChanges) {
                const QLocale locale;
                const QString at =
                    locale.toString(entry->at.toLocalTime(), locale.dateFormat(QLocale::ShortFormat) + u' '
                                                                 + WhenPicker::clockFormat());
                m_reviewerComment->setText(tr("<b>Changes requested by %1</b> · %2<br>%3")
                                               .arg(entry->actor.toHtmlEscaped(), at,
                                                    entry->comment.toHtmlEscaped().replace(
                                                        QStringLiteral("\n"), QStringLiteral("<br>"))));
                m_reviewerComment->show();
                return;
            }
        }
    });
}

bool ComposerPage::confirmDiscard() {
    if (!hasUnsavedChanges() || m_busy) {
        return true; // a save under way finishes on its own
    }
    const Allowed can = allowed();
    QMessageBox box(QMessageBox::Question, tr("Unsaved post"),
                    m_editing ? tr("Save your changes to this post?")
                              : tr("Save this post as a draft before you leave it?"),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    QPushButton *save = nullptr;
    if (can.save) {
        save = box.addButton(QMessageBox::Save);
        save->setText(m_editing ? tr("Save changes") : tr("Save draft"));
        box.setInformativeText(tr("If you discard it, what you composed is gone."));
    } else {
        box.setInformativeText(tr("It cannot be saved as it is: %1").arg(can.saveWhy));
    }
    QPushButton *discard = box.addButton(QMessageBox::Discard);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(save ? save : cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == discard) {
        clear();
        return true;
    }
    if (!save || box.clickedButton() != save) {
        return false;
    }
    // Leaving waits for the post to be stored; the window stays responsive meanwhile.
    bool done = false;
    bool saved = false;
    QEventLoop loop;
    this->save(false, [&](bool ok) {
        saved = ok;
        done = true;
        loop.quit();
    });
    if (!done) {
        loop.exec();
    }
    return saved;
}

void ComposerPage::save(bool submit, const Finished &finished) {
    const Finished done = finished ? finished : Finished([](bool) {});
    const Allowed can = allowed();
    if (!(submit ? can.submit : can.save)) {
        done(false);
        return;
    }
    m_error->hide();
    if (m_editing) {
        edit(submit, done);
    } else {
        create(submit ? CreateIntent::Submit : CreateIntent::SaveDraft, done);
    }
}

void ComposerPage::create(CreateIntent intent, const Finished &finished) {
    setBusy(true, m_media->model()->rowCount());
    createEach(postsToStore(), intent, {}, finished);
}

// Stores the posts one after the other (one per video, or the one post). When one fails, the
// videos already stored leave the composer, so that trying again does not store them twice.
void ComposerPage::createEach(QList<Post> remaining, CreateIntent intent, QList<PostRow> stored,
                              const Finished &finished) {
    const Post next = remaining.takeFirst();
    m_backend.createPost(
        next, QString(), intent, this,
        [this, remaining, intent, stored, finished](std::expected<QList<PostRow>, Error> rows) mutable {
            if (!rows) {
                setBusy(false);
                if (!stored.isEmpty()) {
                    QList<int> done;
                    for (qsizetype i = 0; i < stored.size(); ++i) {
                        done << int(i); // one video each, from the top of the list
                    }
                    m_media->model()->removeRowsAt(done);
                }
                failed(
                    stored.isEmpty()
                        ? tr("The post was not saved")
                        : tr("%1 The next video's post was not saved").arg(describeCreated(intent, stored)),
                    rows.error());
                finished(false);
                return;
            }
            stored << *rows;
            if (!remaining.isEmpty()) {
                createEach(remaining, intent, stored, finished);
                return;
            }
            setBusy(false);
            const QString each = stored.size() > 1 && m_onePostPerVideo
                                     ? tr("%n post(s), one per video. ", nullptr, int(stored.size()))
                                     : QString();
            succeeded(each + describeCreated(intent, stored), stored);
            finished(true);
        });
}

void ComposerPage::edit(bool submit, const Finished &finished) {
    const QString id = m_editing->post.id;
    const auto proceed = [this, id, submit, finished] {
        setBusy(true);
        m_backend.editPost(id, post(), this, [this, submit, finished](std::expected<PostRow, Error> row) {
            if (!row) {
                setBusy(false);
                failed(tr("Your changes were not saved"), row.error());
                finished(false);
                return;
            }
            if (submit && row->actions.contains(PostAction::Submit)) {
                submitEdited(*row, finished);
                return;
            }
            setBusy(false);
            succeeded(describeEdited(*row), {*row});
            finished(true);
        });
    };
    // Editing an approved post sends it back to draft (the lifecycle's edit rule): say so first.
    const PostStatus status = m_editing->post.status;
    const bool approval = m_backend.workspace().approvalRequired;
    const auto rule = Lifecycle::find(PostAction::Edit, status, approval);
    const bool losesApproval = approval && rule && rule->to == PostStatus::Draft
                               && (status == PostStatus::Approved || status == PostStatus::Scheduled);
    if (losesApproval) {
        confirmLosingApproval(proceed, finished);
    } else {
        proceed();
    }
}

void ComposerPage::submitEdited(const PostRow &edited, const Finished &finished) {
    m_backend.perform(edited.post.id, PostAction::Submit, QString(), this,
                      [this, edited, finished](std::expected<std::optional<PostRow>, Error> row) {
                          setBusy(false);
                          if (!row || !*row) {
                              // The changes are stored; only submitting was refused.
                              const QString why = row ? QString() : row.error().message;
                              succeeded(
                                  tr("Saved your changes as a draft, but it was not submitted: %1").arg(why),
                                  {edited});
                              finished(true);
                              return;
                          }
                          succeeded(describeEdited(**row), {**row});
                          finished(true);
                      });
}

void ComposerPage::confirmLosingApproval(const std::function<void()> &proceed, const Finished &cancelled) {
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Withdraw the approval?"),
                                tr("Saving these changes withdraws the post's approval."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("approvalWarningBox"));
    box->setInformativeText(
        m_editing->post.status == PostStatus::Scheduled
            ? tr("It is scheduled for %1; after saving it is a draft again and goes out only once it "
                 "is submitted and approved again.")
                  .arg(describeWhen(*m_editing))
            : tr("It becomes a draft again and must be submitted and approved again."));
    QPushButton *save = box->addButton(tr("Save and withdraw approval"), QMessageBox::AcceptRole);
    save->setObjectName(QStringLiteral("withdrawApprovalButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, save, proceed, cancelled] {
        if (box->clickedButton() == save) {
            proceed();
        } else {
            cancelled(false);
        }
    });
    box->open();
}

void ComposerPage::setBusy(bool busy, int files) {
    m_busy = busy;
    m_copyingFiles = files;
    // Nothing can change while the post is being stored: what is stored is what the user sees.
    m_content->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    updateActions();
    if (!busy) {
        return;
    }
    m_progress->setRange(0, 0); // busy until the first bytes are counted
    m_progressLabel->setText(
        files > 0 ? tr("Copying %n file(s) into ClipQueue's media store…", nullptr, files) : tr("Saving…"));
}

void ComposerPage::onStoreProgress(qint64 doneBytes, qint64 totalBytes) {
    if (!m_busy || m_copyingFiles == 0 || totalBytes <= 0) {
        return;
    }
    const QLocale locale;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(doneBytes * 1000 / totalBytes));
    m_progressLabel->setText(
        tr("Copying %n file(s) into ClipQueue's media store… %1 of %2", nullptr, m_copyingFiles)
            .arg(locale.formattedDataSize(doneBytes, 0, QLocale::DataSizeSIFormat),
                 locale.formattedDataSize(totalBytes, 0, QLocale::DataSizeSIFormat)));
}

void ComposerPage::succeeded(const QString &message, const QList<PostRow> &rows) {
    clear();
    // A post on its way to TikTok now: the result line follows its status (TikTok's guidelines ask
    // the app to say processing takes a while, and to show the status).
    m_sentIds.clear();
    for (const PostRow &row : rows) {
        if (row.post.status == PostStatus::Scheduled && !row.post.schedule.atUtc) {
            m_sentIds << row.post.id;
        }
    }
    m_sentMessage = message;
    if (!m_sentIds.isEmpty()) {
        m_sentMessage += tr(" TikTok may take a few minutes to process your post.");
        if (rows.constFirst().post.content.tiktok.sendsToDrafts()) {
            m_sentMessage += tr(" Then the creator finishes it from a notification in the TikTok app.");
        }
    }
    showResult(m_sentMessage);
    for (const PostRow &row : rows) {
        followSent(row);
    }
    Q_EMIT postsSaved(rows);
}

void ComposerPage::followSent(const PostRow &row) {
    if (!m_sentIds.contains(row.post.id) || m_result->isHidden()) {
        return;
    }
    m_result->setText(
        tr("✔ %1\nStatus: %2: %3")
            .arg(m_sentMessage, statusLabel(row.post.status), statusDescription(row.post.status)));
}

void ComposerPage::failed(const QString &what, const Error &error) {
    showError(tr("%1: %2\nNothing was lost: the post is still here. Fix that and try again.")
                  .arg(what, error.message));
}

void ComposerPage::showResult(const QString &message) {
    m_error->hide();
    m_result->setText(tr("✔ %1").arg(message));
    setTextTone(m_result, okTone(palette()));
    m_result->show();
}

void ComposerPage::showError(const QString &message) {
    m_result->hide();
    m_error->setText(tr("✖ %1").arg(message));
    setTextTone(m_error, errorTone(palette()));
    m_error->show();
}

QString ComposerPage::describeWhen(const PostRow &row) const {
    const PostSchedule &schedule = row.post.schedule;
    if (!schedule.atUtc) {
        return tr("as soon as possible");
    }
    const QTimeZone zone(schedule.timeZone.toUtf8());
    const QDateTime when = zone.isValid() ? schedule.atUtc->toTimeZone(zone) : *schedule.atUtc;
    return shortWhen(when) + u' ' + (zone.isValid() ? schedule.timeZone : QStringLiteral("UTC"));
}

QString ComposerPage::describeEdited(const PostRow &row) const {
    if (row.post.status == PostStatus::Draft) {
        return tr("Saved your changes. The post is a draft: send it when it is ready.");
    }
    return tr("Saved your changes. %1").arg(describeCreated(CreateIntent::Submit, {row}));
}

QString ComposerPage::describeCreated(CreateIntent intent, const QList<PostRow> &rows) const {
    // One sentence per outcome, naming the accounts when there are several.
    QList<std::pair<QString, QStringList>> outcomes;
    for (const PostRow &row : rows) {
        QString outcome;
        switch (row.post.status) {
        case PostStatus::InReview:
            outcome = tr("Sent for review");
            break;
        case PostStatus::Scheduled:
            outcome = row.post.schedule.atUtc ? tr("Scheduled for %1").arg(describeWhen(row))
                                              : tr("Queued to post as soon as possible");
            break;
        case PostStatus::Draft:
            outcome = tr("Saved as a draft");
            if (intent != CreateIntent::SaveDraft) {
                const QString why = firstError(row.findings);
                outcome = why.isEmpty() ? tr("Saved as a draft but not submitted")
                                        : tr("Saved as a draft but not submitted: %1").arg(why);
            }
            break;
        default:
            outcome = tr("Saved (%1)").arg(postStatusName(row.post.status));
            break;
        }
        auto same =
            std::find_if(outcomes.begin(), outcomes.end(), [&](const auto &o) { return o.first == outcome; });
        if (same == outcomes.end()) {
            outcomes.append({outcome, {}});
            same = outcomes.end() - 1;
        }
        same->second << accountName(row.post.accountId());
    }
    QStringList sentences;
    for (const auto &[outcome, accounts] : std::as_const(outcomes)) {
        const QString sentence = outcome.endsWith(u'.') ? outcome.chopped(1) : outcome;
        if (m_backend.accounts().size() > 1) {
            sentences << tr("%1 (%2).").arg(sentence, accounts.join(u", "));
        } else {
            sentences << tr("%1.").arg(sentence);
        }
    }
    return sentences.join(u' ');
}

} // namespace cq::ui
