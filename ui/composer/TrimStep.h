#pragma once

#include <QGroupBox>

#include "media/convert/ConversionSpec.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace cq::ui {

class VideoPreview;

// The trim step of "Fix" for a video longer than the creator allows: the user plays or scrubs the
// preview above and sets the start and the end at the playhead ("Set start here", "Set end here",
// or the two fields), sees the resulting length beside the creator's maximum, and converts. The
// default is the first `maximum` seconds. A span longer than the maximum is refused here in words
// (the conversion would cut it at start + maximum).
class TrimStep : public QGroupBox {
    Q_OBJECT

public:
    // `preview` shows the video being trimmed and must outlive the step.
    explicit TrimStep(const VideoPreview &preview, QWidget *parent = nullptr);

    // Opens the step for media item `itemId` (named `name`) of `durationSeconds`.
    void open(int itemId, const QString &name, double durationSeconds, int maximumSeconds);
    int itemId() const { return m_itemId; }
    TimeRange range() const;

Q_SIGNALS:
    // "Trim and convert": the item and the span to keep.
    void accepted(int itemId, const cq::TimeRange &range);
    void cancelled();

private:
    void setStartHere();
    void setEndHere();
    void updateLength();

    const VideoPreview &m_preview;
    QDoubleSpinBox *m_start;
    QDoubleSpinBox *m_end;
    QLabel *m_length;
    QPushButton *m_apply;
    int m_itemId = 0;
    int m_maximumSeconds = 0;
};

} // namespace cq::ui
