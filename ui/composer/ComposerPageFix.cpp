// ComposerPage's "Fix it for me": the Fix buttons on media rows and findings, Fix all, Remove
// location, and the trim step of a video longer than the creator allows.
#include "composer/ComposerPage.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>

#include "composer/AccountPicker.h"
#include "composer/FindingsModel.h"
#include "composer/MediaFixer.h"
#include "composer/MediaListModel.h"
#include "composer/MediaPane.h"
#include "composer/PostSettingsForm.h"
#include "composer/TrimStep.h"

namespace cq::ui {

QWidget *ComposerPage::buildFixBar(QWidget *parent) {
    m_fixBar = new QWidget(parent);
    m_fixBar->setObjectName(QStringLiteral("fixBar"));
    m_stripLocation = new QCheckBox(tr("Remove &location from photos"), m_fixBar);
    m_stripLocation->setObjectName(QStringLiteral("stripLocationCheck"));
    m_stripLocation->setToolTip(
        tr("Fix and Fix all also remove the location (and all other metadata) from photos"));
    m_fixAll = new QPushButton(tr("Fix a&ll"), m_fixBar);
    m_fixAll->setObjectName(QStringLiteral("fixAllButton"));
    auto *layout = new QHBoxLayout(m_fixBar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stripLocation, 1);
    layout->addWidget(m_fixAll);
    return m_fixBar;
}

void ComposerPage::connectFixes() {
    m_fixer = new MediaFixer(
        m_backend, *m_media->model(), *m_media->queue(),
        [this] {
            const AccountSummary *primary = m_settings->accounts()->primary();
            return primary ? primary->id : QString();
        },
        this);
    connect(m_media, &MediaPane::fixRequested, this, &ComposerPage::requestFix);
    connect(m_media, &MediaPane::cancelFixRequested, m_fixer, &MediaFixer::cancel);
    connect(m_fixAll, &QPushButton::clicked, m_fixer, &MediaFixer::fixAll);
    connect(m_stripLocation, &QCheckBox::toggled, this, [this](bool strip) {
        m_fixer->setStripLocation(strip);
        updateFixes();
    });
    connect(m_fixer, &MediaFixer::runningChanged, this, [this] {
        updateFixes();
        updateActions(); // nothing is saved while its media converts
    });
    connect(m_fixer, &MediaFixer::failed, this, &ComposerPage::showError);
    connect(m_media->trimStep(), &TrimStep::accepted, this,
            [this](int itemId, const TimeRange &range) { m_fixer->fix(itemId, range); });
}

// A too-long video is trimmed in the preview first; anything else converts at once.
void ComposerPage::requestFix(int itemId) {
    MediaListModel *media = m_media->model();
    const int row = media->rowOf(itemId);
    if (row < 0) {
        return;
    }
    const bool trim = std::any_of(m_findings->findings().cbegin(), m_findings->findings().cend(),
                                  [&](const Finding &finding) {
                                      return finding.code == FindingCode::VideoDurationTooLong
                                             && FindingsModel::mediaIndexOf(finding.field) == row;
                                  });
    const AccountSummary *primary = m_settings->accounts()->primary();
    const std::optional<int> maximum =
        primary && primary->creator ? primary->creator->maxVideoPostDurationSec : std::nullopt;
    if (!trim || !maximum) {
        m_fixer->fix(itemId);
        return;
    }
    const QModelIndex index = media->index(row);
    m_media->showItem(row); // the preview shows this video
    m_media->trimStep()->open(itemId, index.data(MediaListModel::FilenameRole).toString(),
                              index.data(MediaListModel::DurationRole).toDouble(), *maximum);
}

void ComposerPage::updateFixes() {
    if (!m_fixer) {
        return; // still being built
    }
    const int fixable = int(m_fixer->fixableItems().size());
    bool photos = false;
    for (int row = 0; row < m_media->model()->rowCount(); ++row) {
        photos = photos || m_media->model()->index(row).data(MediaListModel::TypeRole).toString() == u"photo";
    }
    const bool editable = !m_editing;
    const bool offerStrip = editable && photos;
    const bool offerAll = editable && (fixable > 1 || (fixable > 0 && m_stripLocation->isChecked()));
    m_stripLocation->setVisible(offerStrip);
    m_fixAll->setVisible(offerAll);
    m_fixAll->setToolTip(tr("Convert %n item(s) so that TikTok takes them", nullptr, fixable));
    m_fixAll->setAccessibleDescription(m_fixAll->toolTip());
    m_fixBar->setVisible(offerStrip || offerAll);
    updateFindingFixButtons();
}

void ComposerPage::updateFindingFixButtons() {
    for (int row = 0; row < m_findings->rowCount(); ++row) {
        const QModelIndex index = m_findings->index(row);
        const QString fix = index.data(FindingsModel::FixRole).toString();
        const int mediaRow = index.data(FindingsModel::MediaIndexRole).toInt();
        const QModelIndex item = m_media->model()->index(mediaRow);
        const bool converting = item.data(MediaListModel::ConformProgressRole).isValid();
        auto *button = qobject_cast<QPushButton *>(m_findingsView->indexWidget(index));
        if (fix.isEmpty() || m_editing || !item.isValid()) {
            if (button) {
                m_findingsView->setIndexWidget(index, nullptr);
            }
            continue;
        }
        if (!button) {
            button = new QPushButton(tr("Fix"), m_findingsView->viewport());
            button->setObjectName(QStringLiteral("findingFixButton"));
            m_findingsView->setIndexWidget(index, button);
            // The row's finding changes in place: the button asks which item it is about when clicked.
            connect(button, &QPushButton::clicked, this, [this, button] {
                for (int r = 0; r < m_findings->rowCount(); ++r) {
                    if (m_findingsView->indexWidget(m_findings->index(r)) == button) {
                        const int media = m_findings->index(r).data(FindingsModel::MediaIndexRole).toInt();
                        requestFix(m_media->model()->index(media).data(MediaListModel::ItemIdRole).toInt());
                    }
                }
            });
        }
        const QString name = item.data(MediaListModel::FilenameRole).toString();
        button->setEnabled(!converting);
        button->setToolTip(tr("Fix: %1").arg(fix));
        button->setAccessibleName(tr("Fix %1").arg(name));
        button->setAccessibleDescription(fix);
    }
}

} // namespace cq::ui
