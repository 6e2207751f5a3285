<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Lifecycle</name>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent back for changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted (cancel it first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved on by a runner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post is %1; this workspace requires approval, so it can be scheduled once a reviewer approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post is %1; it cannot be %2 now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountPicker</name>
    <message>
        <source>set of 1 account</source>
        <translation>Gruppe mit 1 Konto</translation>
    </message>
    <message>
        <source>set of %1 accounts</source>
        <translation>Gruppe mit %1 Konten</translation>
    </message>
    <message>
        <source>This set has no accounts.</source>
        <translation>Diese Gruppe enthält keine Konten.</translation>
    </message>
    <message>
        <source>Checks %1</source>
        <translation>Wählt %1</translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountSetsEditor</name>
    <message>
        <source>1 account</source>
        <translation>1 Konto</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 Konten</translation>
    </message>
    <message>
        <source>Account sets</source>
        <translation>Kontogruppen</translation>
    </message>
    <message>
        <source>&amp;Create set</source>
        <translation>Gruppe &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Accounts in the set</source>
        <translation>Konten der Gruppe</translation>
    </message>
    <message>
        <source>Name of a new account set</source>
        <translation>Name einer neuen Kontogruppe</translation>
    </message>
    <message>
        <source>New set name</source>
        <translation>Name der neuen Gruppe</translation>
    </message>
    <message>
        <source>Create account set</source>
        <translation>Kontogruppe anlegen</translation>
    </message>
    <message>
        <source>Rename account set</source>
        <translation>Kontogruppe umbenennen</translation>
    </message>
    <message>
        <source>Rename the chosen set (F2)</source>
        <translation>Die gewählte Gruppe umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete account set</source>
        <translation>Kontogruppe löschen</translation>
    </message>
    <message>
        <source>Delete the chosen set (Delete). Posts made for it keep their accounts.</source>
        <translation>Die gewählte Gruppe löschen (Entf). Beiträge, die für sie angelegt wurden, behalten ihre Konten.</translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>&amp;Gruppen</translation>
    </message>
    <message>
        <source>&amp;Accounts in “%1” (%2)</source>
        <translation>&amp;Konten in „%1“ (%2)</translation>
    </message>
    <message>
        <source>&amp;Accounts in the set</source>
        <translation>&amp;Konten der Gruppe</translation>
    </message>
    <message>
        <source>No account sets yet. A set is a named group of accounts (“brand channels”): a post for the set goes to each of its accounts. Name one on the left to create it.</source>
        <translation>Noch keine Kontogruppen. Eine Gruppe ist eine benannte Auswahl von Konten („Markenkanäle“): Ein Beitrag für die Gruppe geht an jedes ihrer Konten. Geben Sie links einen Namen ein, um eine anzulegen.</translation>
    </message>
    <message>
        <source>No TikTok account is connected yet, so there is nobody to put in a set.</source>
        <translation>Es ist noch kein TikTok-Konto verbunden, daher gibt es niemanden, der in eine Gruppe kann.</translation>
    </message>
    <message>
        <source>Tick the accounts that belong to the set; each change is saved at once.</source>
        <translation>Haken Sie die Konten an, die zur Gruppe gehören; jede Änderung wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>Delete the account set “%1”? Its accounts stay connected, and posts already made for the set keep their accounts.</source>
        <translation>Die Kontogruppe „%1“ löschen? Ihre Konten bleiben verbunden, und Beiträge, die schon für die Gruppe angelegt wurden, behalten ihre Konten.</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Gruppe löschen</translation>
    </message>
</context>
<context>
    <name>cq::ui::CommentDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::CopyableView</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::InlineMessage</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::MainWindow</name>
    <message>
        <source>ClipQueue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review (999)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ClipQueue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts are stored in %1; media in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClipQueue could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ClipQueue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;ClipQueue %1&lt;/h3&gt;&lt;p&gt;Prepare, review, schedule and publish TikTok posts.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;FFmpeg %4&lt;/p&gt;&lt;p&gt;Posts: %5&lt;br&gt;Media: %6&lt;/p&gt;&lt;p&gt;ClipQueue is free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;. It comes with no warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::PostDetailsPanel</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last attempt ended with &lt;b&gt;%1&lt;/b&gt;%2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a post to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new draft with the same media, caption and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On TikTok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No caption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default account (none connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TikTok post %1 (the account&apos;s username is not known yet, so there is no link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &lt;a href=&quot;https://www.tiktok.com/@%1&quot;&gt;Open @%1 on TikTok&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;TikTok may or may not have this post.&lt;/b&gt; ClipQueue sent it but could not learn how it ended. %1&lt;/p&gt;&lt;p&gt;Look at the account on TikTok before you choose.%2&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Retry&lt;/b&gt; sends the post again. If TikTok already has it, it will be posted twice: check TikTok first.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Mark as published&lt;/b&gt;: you saw the post on TikTok.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cancel post&lt;/b&gt; gives up on it; nothing more is sent.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Publishing failed.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Retry&lt;/b&gt; sends it again as it is; &lt;b&gt;Duplicate&lt;/b&gt; makes a draft you can change first.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to a reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue it to publish at its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve it for publishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it back to its author with a comment on what to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when it is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change caption, settings or time in the composer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on this post: it will not be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to TikTok again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You saw the post on TikTok: record it as published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the post and its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should change? The author sees this comment in the post&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete post?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this post? Its history goes with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? Its history goes with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicated as a new draft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::PostHistoryModel</name>
    <message>
        <source>Publisher (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::PostTableModel</name>
    <message>
        <source>Default account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::PostText</name>
    <message>
        <source>%1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>branded content (paid partnership)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosed (type not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not disclosed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, labelled as AI-generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the creator&apos;s TikTok drafts (inbox), to finish in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onto the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::PublishAttemptsModel</name>
    <message>
        <source>Still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TikTok&apos;s log id: give it to TikTok&apos;s support with the error code. Right-click to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::QueueFilterBar</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show posts by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any &amp;time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show posts of any date; clear it to show a range of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search captions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search captions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::QueuePage</name>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected posts: they will not be published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the selected posts again as soon as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected posts later or earlier by minutes, hours or days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected posts from ClipQueue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose a Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 post selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select posts first. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed for this post now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for every selected post. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the last action to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No posts match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No posts yet — compose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The post is no longer in this queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this post?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 posts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are removed from ClipQueue for good. Posts already published stay on TikTok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 the post: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 %2 of %3 posts. The first said: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::RescheduleDialog</name>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves %1 %2 later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves %1 %2 earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each post keeps its own time zone; one to go as soon as possible is moved from now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::ReviewListModel</name>
    <message>
        <source>Default account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No caption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2. %3. %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::ReviewPage</name>
    <message>
        <source>Posts waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment (optional to approve, required to request changes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should change? The author sees this in the post&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;Nothing to review&lt;/p&gt;&lt;p&gt;Posts people submit for review appear here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J or ↓: next post · K or ↑: previous post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The posts waiting for review could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the post; the comment is optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the post back to its author with your comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; R writes the comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 back for changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::ScheduleDialog</name>
    <message>
        <source>Reschedule post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time zone from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes out %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::SeverityLabel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::StatusBadgeDelegate</name>
    <message>
        <source>%1 · %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::StatusText</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted yet: it will not be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a reviewer to approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reviewer asked for changes: edit it and submit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: schedule it to publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be published at its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being sent to TikTok now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: TikTok is processing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on TikTok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing failed: retry it, or duplicate and edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: it will not be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TikTok may or may not have it: check TikTok, then mark it published or retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cq::ui::TimeText</name>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As soon as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 your time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Prepare, review, schedule and publish TikTok posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos or photos to add to a new post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not publish due posts from this window (leave it to clipqueue-cli run elsewhere).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
