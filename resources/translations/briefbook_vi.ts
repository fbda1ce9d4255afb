<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../briefbook/ui/composer/meeting_panel.py" line="+155"/>
        <source>&amp;Open to edit</source>
        <translation>&amp;Mở để sửa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Include in this brief</source>
        <translation>&amp;Đưa vào đề cương này</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../../briefbook/ui/help_window.py" line="+110"/>
        <source>&lt;b&gt;BriefBook&lt;/b&gt; %1&lt;p&gt;Prepare delegation briefing books from a local library of talking points, prior statements, profiles, events and meetings; export them to Word and PDF.&lt;/p&gt;&lt;p&gt;Everything stays in one library file on this computer. Press F1 for help.&lt;/p&gt;</source>
        <translation>&lt;b&gt;BriefBook&lt;/b&gt; %1&lt;p&gt;Soạn bộ tài liệu chuẩn bị cho đoàn từ thư viện luận điểm, phát biểu trước đây, hồ sơ nhân vật, sự kiện và cuộc gặp lưu trên máy; xuất ra Word và PDF.&lt;/p&gt;&lt;p&gt;Mọi dữ liệu nằm trong một tệp thư viện trên máy này. Bấm F1 để xem trợ giúp.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About BriefBook</source>
        <translation>Giới thiệu BriefBook</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../briefbook/ui/accessibility.py" line="+83"/>
        <source>Read only. The arrow keys and Page Up/Page Down scroll; Tab moves on.</source>
        <translation>Chỉ để đọc. Phím mũi tên và Page Up/Page Down để cuộn; Tab để đi tiếp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text with formatting: Ctrl+B bold, Ctrl+I italic; Tab moves on.</source>
        <translation>Văn bản có định dạng: Ctrl+B chữ đậm, Ctrl+I chữ nghiêng; Tab để đi tiếp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read only.</source>
        <translation>Chỉ để đọc.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the text; Tab moves on.</source>
        <translation>Gõ nội dung; Tab để đi tiếp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The arrow keys choose; Alt+Down opens the list.</source>
        <translation>Phím mũi tên để chọn; Alt+Mũi tên xuống để mở danh sách.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a number, or change it with the Up and Down arrow keys.</source>
        <translation>Gõ một số, hoặc thay đổi bằng phím mũi tên lên và xuống.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Space ticks or unticks it.</source>
        <translation>Phím cách để đánh dấu hoặc bỏ đánh dấu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space presses it.</source>
        <translation>Phím cách để bấm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Left and Right arrow keys, or Ctrl+Tab, change the page.</source>
        <translation>Phím mũi tên trái và phải, hoặc Ctrl+Tab, để chuyển trang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The arrow keys move; Enter opens; the Menu key or Shift+F10 shows what can be done.</source>
        <translation>Phím mũi tên để di chuyển; Enter để mở; phím Menu hoặc Shift+F10 để xem các thao tác có thể làm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tab moves between what it holds; the arrow keys scroll.</source>
        <translation>Tab để đi qua các ô bên trong; phím mũi tên để cuộn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tab moves on.</source>
        <translation>Tab để đi tiếp.</translation>
    </message>
</context>
<context>
    <name>BackupLabels</name>
    <message>
        <location filename="../../briefbook/ui/backup_labels.py" line="+12"/>
        <source>When the library was opened</source>
        <translation>Khi mở thư viện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic, during work</source>
        <translation>Tự động, trong khi làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by you</source>
        <translation>Do bạn tạo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an update of BriefBook</source>
        <translation>Trước khi cập nhật BriefBook</translation>
    </message>
</context>
<context>
    <name>BackupMessages</name>
    <message>
        <location filename="../../briefbook/ui/backup_messages.py" line="+23"/>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you are not allowed to write there</source>
        <translation>bạn không có quyền ghi vào đó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup was made.</source>
        <translation>Chưa tạo được bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot make the backups folder %1: %2.</source>
        <translation>Không tạo được thư mục sao lưu %1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not back up %1 into %2: %3.</source>
        <translation>Không sao lưu được %1 vào %2: %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no library at %1 to back up.</source>
        <translation>Không có thư viện nào tại %1 để sao lưu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a BriefBook library; no backup was made.</source>
        <translation>%1 không phải là thư viện BriefBook; chưa tạo bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>That file is not a BriefBook library; no backup was made.</source>
        <translation>Tệp đó không phải là thư viện BriefBook; chưa tạo bản sao lưu nào.</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+1"/>
        <source>a file of that name is in the way</source>
        <translation>một tệp cùng tên đang nằm ở đó</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A backup cannot be made in the middle of a change; try again.</source>
        <translation>Không thể sao lưu khi một thay đổi đang được ghi dở; hãy thử lại.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library is damaged; the backup was not kept. Restore an earlier backup (File → Backups…).</source>
        <translation>Thư viện bị hỏng; bản sao lưu không được giữ lại. Hãy khôi phục một bản sao lưu trước đó (Tệp → Bản sao lưu…).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The library %1 is busy in another BriefBook window. %2 Try again.</source>
        <translation>Thư viện %1 đang được một cửa sổ BriefBook khác sử dụng. %2 Hãy thử lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is full. %1</source>
        <translation>Ổ đĩa đã đầy. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library %1 is read-only here. %2</source>
        <translation>Thư viện %1 chỉ cho phép đọc ở đây. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 is damaged. %2 Restore an earlier backup.</source>
        <translation>Thư viện %1 bị hỏng. %2 Hãy khôi phục một bản sao lưu trước đó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 could not be copied (%2). %3</source>
        <translation>Không sao chép được thư viện %1 (%2). %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no backup at %1.</source>
        <translation>Không có bản sao lưu nào tại %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That backup is the library file itself; choose a backup to restore.</source>
        <translation>Bản sao lưu đó chính là tệp thư viện; hãy chọn một bản sao lưu để khôi phục.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup %1 was written by a newer version of BriefBook; update BriefBook to restore it. Nothing was changed.</source>
        <translation>Bản sao lưu %1 được tạo bởi phiên bản BriefBook mới hơn; hãy cập nhật BriefBook để khôi phục. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The backup %1 is damaged or not a BriefBook library; nothing was changed. Choose another backup.</source>
        <translation>Bản sao lưu %1 bị hỏng hoặc không phải là thư viện BriefBook; không có gì bị thay đổi. Hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot restore to %1: the folder does not exist.</source>
        <translation>Không khôi phục được vào %1: thư mục không tồn tại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not restore to %1: %2.</source>
        <translation>Không khôi phục được vào %1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot move the damaged library %1 aside: %2.</source>
        <translation>Không chuyển được thư viện bị hỏng %1 sang chỗ khác: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The restored library does not pass its check. Choose another backup to restore.</source>
        <translation>Thư viện vừa khôi phục không qua được bước kiểm tra. Hãy chọn bản sao lưu khác để khôi phục.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This library has no file to back up.</source>
        <translation>Thư viện này không được lưu trong tệp nên không sao lưu được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The automatic backup of the library failed: %1</source>
        <translation>Sao lưu tự động thư viện không thành công: %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../briefbook/ui/backups_dialog.py" line="+135"/>
        <source>Backups of %1</source>
        <translation>Bản sao lưu của %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BriefBook backs the library up when it is opened and every %1 minutes while you work. The last %2 backups are kept, plus one a day for %3 days; the ones you make and the copies made before a restore are kept for %3 days.</source>
        <translation>BriefBook sao lưu thư viện khi mở và cứ %1 phút một lần trong khi bạn làm việc. %2 bản sao lưu gần nhất được giữ lại, cùng với mỗi ngày một bản trong %3 ngày; các bản do bạn tạo và các bản tạo trước khi khôi phục được giữ trong %3 ngày.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder: %1</source>
        <translation>Thư mục: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made on</source>
        <translation>Thời điểm tạo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back &amp;up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a backup of the library as it is now</source>
        <translation>Tạo bản sao lưu của thư viện ở trạng thái hiện tại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected backup in place of the library (the library is backed up first)</source>
        <translation>Thay thư viện bằng bản sao lưu đã chọn (thư viện hiện tại được sao lưu trước)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;folder</source>
        <translation>Mở &amp;thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the backups folder in the file manager</source>
        <translation>Mở thư mục sao lưu trong trình quản lý tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backups</source>
        <translation>Các bản sao lưu</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There are no backups of this library yet. Make one with “Back up now”.</source>
        <translation>Thư viện này chưa có bản sao lưu nào. Hãy tạo một bản bằng nút “Sao lưu ngay”.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This library is read-only here: a backup cannot be restored into it.</source>
        <translation>Thư viện này chỉ cho phép đọc ở đây: không thể khôi phục bản sao lưu vào đó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backed up: %1 (%2).</source>
        <translation>Đã sao lưu: %1 (%2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace the library with the backup from %1?

The library as it is now is backed up first, so you can come back to it. Changes made after %1 will no longer be in the library, and Undo starts afresh.</source>
        <translation>Thay thư viện bằng bản sao lưu lúc %1?

Thư viện ở trạng thái hiện tại sẽ được sao lưu trước, nên bạn vẫn có thể quay lại. Những thay đổi sau %1 sẽ không còn trong thư viện, và danh sách Hoàn tác bắt đầu lại từ đầu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The library is now as it was on %1.</source>
        <translation>Thư viện nay đã trở lại như lúc %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The library as it was just before is kept as the backup of %1 (“Before a restore”).</source>
        <translation>Thư viện ngay trước khi khôi phục được giữ trong bản sao lưu lúc %1 (“Trước khi khôi phục”).</translation>
    </message>
</context>
<context>
    <name>BookBar</name>
    <message>
        <location filename="../../briefbook/ui/composer/book_bar.py" line="+82"/>
        <source>Even&amp;t:</source>
        <translation>Sự kiệ&amp;n:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Book:</source>
        <translation>Tà&amp;i liệu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New book</source>
        <translation>Tài liệu &amp;mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new book for this event, with the usual sections (Ctrl+N)</source>
        <translation>Tạo tài liệu mới cho sự kiện này, với các phần thông thường (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y…</source>
        <translation>Sa&amp;o chép…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new book from this one, for this or another event</source>
        <translation>Tạo tài liệu mới từ tài liệu này, cho sự kiện này hoặc một sự kiện khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete book</source>
        <translation>Xoá tài liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this book (Undo brings it back)</source>
        <translation>Xoá tài liệu này (Hoàn tác để lấy lại)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no book yet: make one with New book)</source>
        <translation>(chưa có tài liệu: bấm Tài liệu mới để tạo)</translation>
    </message>
</context>
<context>
    <name>BookComposer</name>
    <message>
        <location filename="../../briefbook/ui/composer/view.py" line="+185"/>
        <source>E&amp;xport…</source>
        <translation>X&amp;uất…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the book as PDF and Word files (Ctrl+E)</source>
        <translation>Xuất tài liệu ra tệp PDF và Word (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the book: choose the printer, the copies and the pages (Ctrl+P)</source>
        <translation>In tài liệu: chọn máy in, số bản và các trang (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previe&amp;w</source>
        <translation>Xem t&amp;rước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boo&amp;k</source>
        <translation>T&amp;hông tin tài liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section &amp;contents</source>
        <translation>Nội &amp;dung phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chan&amp;ges since export</source>
        <translation>Th&amp;ay đổi sau lần xuất</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book details</source>
        <translation>Thông tin tài liệu</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/shown_book.py" line="+138"/>
        <source>Include “%1”</source>
        <translation>Đưa vào “%1”</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/book_actions.py" line="+46"/>
        <source>Choose the contents of a meeting brief</source>
        <translation>Chọn nội dung đề cương cuộc gặp</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit the text of “%1”</source>
        <translation>Sửa văn bản của “%1”</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/view.py" line="+82"/>
        <source>Select a section to see what it holds.</source>
        <translation>Chọn một phần để xem phần đó gồm những gì.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a meeting under it to choose its talking points.</source>
        <translation>Chọn một cuộc gặp bên dưới để chọn luận điểm cho cuộc gặp đó.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No book yet. Choose an event and press “New book” to start one.</source>
        <translation>Chưa có tài liệu. Hãy chọn một sự kiện rồi bấm “Tài liệu mới” để bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/book_actions.py" line="+11"/>
        <location line="+18"/>
        <source>New book</source>
        <translation>Tài liệu mới</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>A book belongs to an event: create the event first.</source>
        <translation>Mỗi tài liệu thuộc về một sự kiện: hãy tạo sự kiện trước.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Copy book</source>
        <translation>Sao chép tài liệu</translation>
    </message>
</context>
<context>
    <name>BookForm</name>
    <message>
        <location filename="../../briefbook/ui/composer/book_form.py" line="+109"/>
        <source>Template</source>
        <translation>Mẫu trình bày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest classification</source>
        <translation>Mức mật tối đa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafts</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book language</source>
        <translation>Ngôn ngữ tài liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For sharing (leave out passages not for release)</source>
        <translation>Để chia sẻ (bỏ các đoạn không được phát hành)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview, warnings, export and print leave out the passages marked not for release. Use it for a copy that leaves the ministry.</source>
        <translation>Bản xem trước, cảnh báo, bản xuất và bản in đều bỏ các đoạn được đánh dấu không được phát hành. Dùng cho bản gửi ra ngoài Bộ.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not exported yet</source>
        <translation>Chưa xuất lần nào</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The version goes up by one when the book is exported with something new since its last export. Editing alone, or exporting the same book again, does not change it.</source>
        <translation>Phiên bản tăng thêm một khi tài liệu được xuất với nội dung mới so với lần xuất trước. Chỉ sửa, hoặc xuất lại đúng tài liệu đó, thì phiên bản không đổi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>last exported %1 (UTC)</source>
        <translation>xuất lần cuối %1 (giờ UTC)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 cannot be empty.</source>
        <translation>%1 không được để trống.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+21"/>
        <source>This change could not be saved because of a problem in BriefBook (details in %1).</source>
        <translation>Không lưu được thay đổi này do một lỗi trong BriefBook (chi tiết trong %1).</translation>
    </message>
</context>
<context>
    <name>BookPreview</name>
    <message>
        <location filename="../../briefbook/ui/preview.py" line="+140"/>
        <source>Building the preview…</source>
        <translation>Đang dựng bản xem trước…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The preview shows the first %1 of the %2 parts of this book; the export holds them all.</source>
        <translation>Bản xem trước hiển thị %1 phần đầu trong %2 phần của tài liệu; bản xuất ra có đầy đủ tất cả.</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <location filename="../../briefbook/ui/composer/changes_panel.py" line="+64"/>
        <source>There is no earlier copy of this book at %1 made for sharing: everything in it is new.</source>
        <translation>Chưa có bản nào trước đây của sổ tay này ở mức %1, bản được phép chia sẻ: mọi nội dung đều mới.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no earlier copy of this book at %1: everything in it is new.</source>
        <translation>Chưa có bản nào trước đây của sổ tay này ở mức %1: mọi nội dung đều mới.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes since version %1 (exported %2 UTC):</source>
        <translation>Những thay đổi từ phiên bản %1 (xuất lúc %2 UTC):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edited</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removed</source>
        <translation>Đã bỏ</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Changes since the last export</source>
        <translation>Những thay đổi từ lần xuất trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was added, edited (removed words struck out, new words bold) and removed.</source>
        <translation>Những gì được thêm, sửa (chữ bỏ đi bị gạch, chữ mới in đậm) và bỏ ra.</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../briefbook/ui/labels.py" line="+109"/>
        <source>Key message</source>
        <translation>Thông điệp chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proactive</source>
        <translation>Chủ động nêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactive (if raised)</source>
        <translation>Nếu được hỏi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press line</source>
        <translation>Trả lời báo chí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;A</source>
        <translation>Hỏi – đáp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For clearance</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleared</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plenary</source>
        <translation>Phiên toàn thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilateral</source>
        <translation>Gặp song phương</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side event</source>
        <translation>Sự kiện bên lề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>Điện đàm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press</source>
        <translation>Họp báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterpart</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our delegation</source>
        <translation>Thành viên đoàn ta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Diễn giả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Government</source>
        <translation>Cơ quan chính phủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>International organisation</source>
        <translation>Tổ chức quốc tế</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private sector</source>
        <translation>Khu vực tư nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO</source>
        <translation>Tổ chức phi chính phủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Academic</source>
        <translation>Cơ sở học thuật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thai</source>
        <translation>Tiếng Thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French</source>
        <translation>Tiếng Pháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave drafts out</source>
        <translation>Không đưa bản dự thảo vào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include drafts, marked as drafts</source>
        <translation>Đưa bản dự thảo vào, có ghi rõ là dự thảo</translation>
    </message>
</context>
<context>
    <name>CollectionView</name>
    <message numerus="yes">
        <location filename="../../briefbook/ui/collection_view.py" line="+237"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Xoá %n mục</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n kết quả khớp</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the best %1 are shown; add words to narrow)</source>
        <translation>(hiển thị %1 kết quả phù hợp nhất; thêm từ để thu hẹp)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drag a row, or press Alt+Up or Alt+Down, to change the order within its topic</source>
        <translation>kéo một dòng, hoặc bấm Alt+Mũi tên lên/xuống, để đổi thứ tự trong chủ đề</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The arrow keys choose an item, Enter opens it in the editor; Ctrl+N new, Ctrl+D duplicate, Delete deletes; the Menu key or Shift+F10 shows everything that can be done.</source>
        <translation>Phím mũi tên để chọn một mục, Enter để mở mục đó trong khung soạn; Ctrl+N tạo mới, Ctrl+D nhân bản, Delete xoá; phím Menu hoặc Shift+F10 để xem mọi thao tác có thể làm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alt+Up and Alt+Down move a talking point.</source>
        <translation>Alt+Mũi tên lên và Alt+Mũi tên xuống để chuyển vị trí luận điểm.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../briefbook/ui/composer/commands.py" line="+45"/>
        <source>The sections of the book “%1” were changed in another window or program (at %2 UTC) after this step, so it was not undone or redone: that would also take back their change. Look at the sections as they are now, and change them again if you need to.</source>
        <translation>Các phần của tài liệu “%1” đã được sửa ở một cửa sổ hoặc chương trình khác (lúc %2 giờ UTC) sau bước này, nên bước này không được hoàn tác hay làm lại: làm vậy sẽ xoá mất cả thay đổi đó. Hãy xem các phần như hiện có, rồi sửa lại nếu cần.</translation>
    </message>
</context>
<context>
    <name>ComposerActions</name>
    <message>
        <location filename="../../briefbook/ui/composer/__init__.py" line="+63"/>
        <source>E&amp;xport book…</source>
        <translation>X&amp;uất tài liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the book shown in Books as PDF and Word files</source>
        <translation>Xuất tài liệu đang mở trong mục Tài liệu ra tệp PDF và Word</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print book…</source>
        <translation>&amp;In tài liệu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the book shown in Books: choose the printer, the copies and the pages</source>
        <translation>In tài liệu đang mở trong mục Tài liệu: chọn máy in, số bản và các trang</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../briefbook/ui/exchange/conflict_view.py" line="+83"/>
        <location line="+107"/>
        <source>Exchange conflicts</source>
        <translation>Xung đột khi trao đổi</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Mine (this library)</source>
        <translation>Của tôi (thư viện này)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs (the package)</source>
        <translation>Của họ (gói dữ liệu)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keep &amp;mine</source>
        <translation>Giữ bản của &amp;tôi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take &amp;theirs</source>
        <translation>Lấy bản của &amp;họ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No conflicts: every exchanged item agrees.</source>
        <translation>Không có xung đột: mọi mục đã trao đổi đều khớp nhau.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(deleted here)</source>
        <translation>(đã xoá ở đây)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Deleted in this library.</source>
        <translation>Đã xoá trong thư viện này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted in the package.</source>
        <translation>Đã xoá trong gói dữ liệu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theirs (from %1)</source>
        <translation>Của họ (từ %1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the package</source>
        <translation>gói dữ liệu</translation>
    </message>
</context>
<context>
    <name>CopyBookDialog</name>
    <message>
        <location filename="../../briefbook/ui/composer/book_bar.py" line="+58"/>
        <source>Copy book</source>
        <translation>Sao chép tài liệu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy of %1</source>
        <translation>Bản sao của %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For the &amp;event:</source>
        <translation>Cho &amp;sự kiện:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tiêu đề:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A copy for another event keeps the sections and texts; the choice of meetings and their talking points starts afresh.</source>
        <translation>Bản sao cho một sự kiện khác giữ lại các phần và văn bản; việc chọn cuộc gặp và luận điểm của từng cuộc gặp được làm lại từ đầu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../briefbook/ui/messages.py" line="+26"/>
        <source>There is already a file at %1; choose another name.</source>
        <translation>Đã có một tệp tại %1; hãy chọn tên khác.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library is busy in another BriefBook window. Your change was not saved; try again.</source>
        <translation>Thư viện đang được một cửa sổ BriefBook khác sử dụng. Thay đổi của bạn chưa được lưu; hãy thử lại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The library file is read-only; changes cannot be saved.</source>
        <translation>Tệp thư viện chỉ cho phép đọc; không thể lưu thay đổi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is full; your change was not saved.</source>
        <translation>Ổ đĩa đã đầy; thay đổi của bạn chưa được lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This topic still has talking points. Move or delete them before deleting the topic.</source>
        <translation>Chủ đề này vẫn còn luận điểm. Hãy chuyển hoặc xoá các luận điểm đó trước khi xoá chủ đề.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This item is no longer in the library (it may have been deleted).</source>
        <translation>Mục này không còn trong thư viện (có thể đã bị xoá).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That refers to an item that is not in the library (it may have been deleted).</source>
        <translation>Nội dung này dẫn tới một mục không có trong thư viện (có thể đã bị xoá).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That earlier version no longer exists.</source>
        <translation>Phiên bản trước đó không còn nữa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This text is too long (%1 characters; at most %2).</source>
        <translation>Nội dung quá dài (%1 ký tự; tối đa %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The photo file is empty.</source>
        <translation>Tệp ảnh trống.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The photo file is larger than 40 MB; please choose a smaller picture.</source>
        <translation>Tệp ảnh lớn hơn 40 MB; hãy chọn ảnh nhỏ hơn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A photo must be a JPEG, PNG, GIF, WebP, BMP or TIFF picture, not %1.</source>
        <translation>Ảnh phải ở dạng JPEG, PNG, GIF, WebP, BMP hoặc TIFF, không phải %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The picture is %1 × %2 pixels, too large to use safely; please choose a smaller picture.</source>
        <translation>Ảnh có kích thước %1 × %2 điểm ảnh, quá lớn để dùng an toàn; hãy chọn ảnh nhỏ hơn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The picture is far too large; please choose another one.</source>
        <translation>Ảnh quá lớn; hãy chọn ảnh khác.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file is not a picture BriefBook can read, or it is damaged.</source>
        <translation>Tệp này không phải là ảnh BriefBook đọc được, hoặc đã bị hỏng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a BriefBook library file.</source>
        <translation>%1 là một thư mục, không phải tệp thư viện BriefBook.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no BriefBook library at %1.</source>
        <translation>Không có thư viện BriefBook nào tại %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create a library in %1: the folder does not exist.</source>
        <translation>Không thể tạo thư viện trong %1: thư mục không tồn tại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 was written by a newer version of BriefBook. Please update BriefBook to open it; the file has not been changed.</source>
        <translation>Thư viện %1 được tạo bởi phiên bản BriefBook mới hơn. Hãy cập nhật BriefBook để mở; tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2.</source>
        <translation>Không đọc được %1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a BriefBook library (it is some other kind of file).</source>
        <translation>%1 không phải là thư viện BriefBook (đây là một loại tệp khác).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 is damaged. It has not been changed.</source>
        <translation>Thư viện %1 bị hỏng. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library %1 is damaged or not a BriefBook library. It has not been changed.</source>
        <translation>Thư viện %1 bị hỏng hoặc không phải là thư viện BriefBook. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The library %1 is cut short (damaged). It has not been changed.</source>
        <translation>Thư viện %1 bị mất phần cuối (bị hỏng). Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is empty: it is not a BriefBook library (it may have been cut short).</source>
        <translation>%1 trống: đây không phải là thư viện BriefBook (có thể tệp đã bị mất nội dung).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library %1 is busy in another program. Try again in a moment.</source>
        <translation>Thư viện %1 đang được một chương trình khác sử dụng. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library %1 must be updated for this version of BriefBook, but it is read-only here. Copy it to a folder where you can write, then open the copy.</source>
        <translation>Thư viện %1 cần được cập nhật cho phiên bản BriefBook này, nhưng ở đây tệp chỉ cho phép đọc. Hãy sao chép tệp vào một thư mục bạn có quyền ghi rồi mở bản sao đó.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The library %1 is read-only here, and it needs to be updated before it can be used.</source>
        <translation>Thư viện %1 chỉ cho phép đọc ở đây, nhưng tệp cần được cập nhật trước khi dùng.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The disk holding %1 is full.</source>
        <translation>Ổ đĩa chứa %1 đã đầy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is an SQLite database, but not a BriefBook library.</source>
        <translation>%1 là cơ sở dữ liệu SQLite nhưng không phải thư viện BriefBook.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/import_messages.py" line="+27"/>
        <source>new person</source>
        <translation>nhân vật mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new topic</source>
        <translation>chủ đề mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new topic (named after the file)</source>
        <translation>chủ đề mới (đặt theo tên tệp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new organisation</source>
        <translation>tổ chức mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 captions, bylines and headings were not taken as statements.</source>
        <translation>%1 chú thích ảnh, dòng tên tác giả và tiêu đề không được lấy làm phát biểu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No reported or quoted speech was found in %1.</source>
        <translation>Không tìm thấy lời phát biểu được thuật lại hay trích dẫn nào trong %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 gives no date; give one (YYYY-MM-DD).</source>
        <translation>%1 không ghi ngày; hãy nhập ngày (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 gives the day (%2) but not the year.</source>
        <translation>%1 ghi ngày (%2) nhưng không ghi năm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hidden text in %1 is left out (Word does not print it): “%2” and %3 more.</source>
        <translation>Phần chữ ẩn trong %1 không được nhập (Word không in phần này): “%2” và %3 đoạn khác.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hidden text in %1 is left out (Word does not print it): “%2”.</source>
        <translation>Phần chữ ẩn trong %1 không được nhập (Word không in phần này): “%2”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pictures, charts and objects in %1 are left out (BriefBook imports text only): %2, the first after “%3”.</source>
        <translation>Hình ảnh, biểu đồ và đối tượng nhúng trong %1 không được nhập (BriefBook chỉ nhập phần chữ): %2, cái đầu tiên nằm sau “%3”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Footnotes and endnotes in %1 are left out (copy them into the text to keep them): %2, the first after “%3”.</source>
        <translation>Chú thích cuối trang và cuối tài liệu trong %1 không được nhập (hãy chép chúng vào nội dung để giữ lại): %2, cái đầu tiên nằm sau “%3”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Equations in %1 are left out (BriefBook imports text only): %2, the first after “%3”.</source>
        <translation>Công thức trong %1 không được nhập (BriefBook chỉ nhập phần chữ): %2, cái đầu tiên nằm sau “%3”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no paragraphs to import as talking points.</source>
        <translation>%1 không có đoạn văn nào để nhập làm luận điểm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns: %1</source>
        <translation>Các cột: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in the notes (no matching field): %1</source>
        <translation>Giữ trong phần ghi chú (không có trường tương ứng): %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A row without a name was left out: %1</source>
        <translation>Đã bỏ qua một dòng không có tên: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &apos;%2&apos; is not a level here; imported as %3.</source>
        <translation>%1: &apos;%2&apos; không phải là độ mật ở đây; đã nhập với độ mật %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already in the library</source>
        <translation>đã có trong thư viện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>probably already here: merging fills in %1; %2 differs (kept as it is here)</source>
        <translation>có thể đã có trong thư viện: khi gộp sẽ bổ sung %1; %2 khác với bản ở đây (giữ nguyên bản ở đây)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>probably already here: merging fills in %1</source>
        <translation>có thể đã có trong thư viện: khi gộp sẽ bổ sung %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a question with no answer: dropped (edit it to keep it)</source>
        <translation>câu hỏi chưa có câu trả lời: đã bỏ qua (sửa lại nếu muốn giữ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has more than %2 rows; split it into smaller files.</source>
        <translation>%1 có hơn %2 dòng; hãy tách thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has more than %2 cards; split it into smaller files.</source>
        <translation>%1 có hơn %2 danh thiếp; hãy tách thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a well-formed CSV file.</source>
        <translation>%1 không phải là tệp CSV hợp lệ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a readable vCard file.</source>
        <translation>%1 không phải là tệp vCard đọc được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This kind of item has no field &apos;%1&apos;. Did you mean &apos;%2&apos;? Its fields are: %3.</source>
        <translation>Loại mục này không có trường &apos;%1&apos;. Có phải ý bạn là &apos;%2&apos;? Các trường của nó: %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This kind of item has no field &apos;%1&apos;. Its fields are: %2.</source>
        <translation>Loại mục này không có trường &apos;%1&apos;. Các trường của nó: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (no organisation) is listed twice; imported once.</source>
        <translation>%1 (không có tổ chức) có tên hai lần; chỉ nhập một lần.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2) is listed twice; imported once.</source>
        <translation>%1 (%2) có tên hai lần; chỉ nhập một lần.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” was not imported: what it belongs to was dropped.</source>
        <translation>“%1” không được nhập: mục chứa nó đã bị bỏ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not imported: what it belongs to is not in this library or the package.</source>
        <translation>“%1” không được nhập: mục chứa nó không có trong thư viện này hay trong gói dữ liệu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not imported: %2</source>
        <translation>“%1” không được nhập: %2</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/exchange_messages.py" line="+34"/>
        <source>There is no file at %1.</source>
        <translation>Không có tệp nào tại %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 là một thư mục, không phải một tệp.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pasted text is larger than %1; BriefBook does not read it.</source>
        <translation>Văn bản dán lớn hơn %1; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The article %1 is larger than %2; BriefBook does not read it.</source>
        <translation>Bài báo %1 lớn hơn %2; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The contact list %1 is larger than %2; BriefBook does not read it.</source>
        <translation>Danh bạ %1 lớn hơn %2; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The document %1 is larger than %2; BriefBook does not read it.</source>
        <translation>Văn bản %1 lớn hơn %2; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package %1 is larger than %2; BriefBook does not read it.</source>
        <translation>Gói dữ liệu %1 lớn hơn %2; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A part of %1 is larger than %2; BriefBook does not read it (it is damaged or altered).</source>
        <translation>Một phần của %1 lớn hơn %2; BriefBook không đọc (tệp bị hỏng hoặc đã bị sửa đổi).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 unpacks to more than %2; BriefBook does not read it.</source>
        <translation>%1 khi giải nén lớn hơn %2; BriefBook không đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pasted text is empty: paste a news article to import its statements.</source>
        <translation>Văn bản dán đang trống: hãy dán một bài báo để nhập các phát biểu trong đó.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a Word document (.docx); BriefBook cannot read it.</source>
        <translation>%1 không phải là văn bản Word (.docx); BriefBook không đọc được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged or not a Word document.</source>
        <translation>%1 bị hỏng hoặc không phải là văn bản Word.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talking points are imported from a Word document (.docx), not %1.</source>
        <translation>Luận điểm được nhập từ văn bản Word (.docx), không phải từ %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts are imported from a CSV file or vCards (.vcf), not %1.</source>
        <translation>Danh bạ được nhập từ tệp CSV hoặc vCard (.vcf), không phải từ %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a text, web page or Word file; BriefBook cannot read it.</source>
        <translation>%1 không phải là tệp văn bản, trang web hay tệp Word; BriefBook không đọc được.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not text BriefBook can read (save it as UTF-8).</source>
        <translation>%1 không phải là văn bản BriefBook đọc được (hãy lưu ở dạng UTF-8).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no column of names (a header such as &apos;Name&apos; or &apos;Họ và tên&apos;); its columns are: %2.</source>
        <translation>%1 không có cột họ tên (tiêu đề cột như &apos;Họ và tên&apos; hoặc &apos;Name&apos;); các cột của tệp là: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is empty or not a CSV file.</source>
        <translation>%1 trống hoặc không phải là tệp CSV.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds no contact cards with a name.</source>
        <translation>%1 không có danh thiếp nào ghi tên.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no package file at %1.</source>
        <translation>Không có tệp gói dữ liệu nào tại %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds too many files to be a BriefBook package.</source>
        <translation>%1 chứa quá nhiều tệp, không thể là gói dữ liệu BriefBook.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds a %2 with the same id as a %3 in this library; it cannot be imported.</source>
        <translation>%1 chứa một %2 trùng mã với một %3 trong thư viện này; không thể nhập.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This item has no conflict left to settle (it may have been settled already).</source>
        <translation>Mục này không còn xung đột nào cần xử lý (có thể đã được xử lý rồi).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose to keep mine, take theirs or edit.</source>
        <translation>Hãy chọn giữ bản của tôi, lấy bản của họ hoặc sửa lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a BriefBook exchange package.</source>
        <translation>%1 không phải là gói dữ liệu trao đổi của BriefBook.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is damaged or altered; nothing was imported.</source>
        <translation>%1 bị hỏng hoặc đã bị sửa đổi; chưa nhập gì.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is damaged; nothing was imported.</source>
        <translation>%1 bị hỏng; chưa nhập gì.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was written by a newer BriefBook; update BriefBook to read it.</source>
        <translation>%1 được tạo bởi phiên bản BriefBook mới hơn; hãy cập nhật BriefBook để đọc.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 uses classification levels this library does not have (%2; here: %3). Nothing was imported.</source>
        <translation>%1 dùng các độ mật mà thư viện này không có (%2; ở đây: %3). Chưa nhập gì.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 “%2” would lower its classification from %3 to %4: it is held as a conflict, and yours is kept until you choose.</source>
        <translation>%1 “%2” sẽ bị hạ độ mật từ %3 xuống %4: thay đổi này được giữ lại như một xung đột, bản của bạn vẫn giữ nguyên cho đến khi bạn chọn.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 “%2” would raise its ceiling from %3 to %4: it is held as a conflict, and yours is kept until you choose.</source>
        <translation>%1 “%2” sẽ được nâng mức mật tối đa từ %3 lên %4: thay đổi này được giữ lại như một xung đột, bản của bạn vẫn giữ nguyên cho đến khi bạn chọn.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 “%2” would make shareable what is marked not for release here: it is held as a conflict, and yours is kept until you choose.</source>
        <translation>%1 “%2” sẽ làm cho phần được đánh dấu không công bố ở đây có thể chia sẻ: thay đổi này được giữ lại như một xung đột, bản của bạn vẫn giữ nguyên cho đến khi bạn chọn.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 “%2” is %3, above the package&apos;s own ceiling (%4): it was put in by hand or by another program, and it keeps its level here.</source>
        <translation>%1 “%2” có độ mật %3, cao hơn mức mật tối đa mà gói tự ghi (%4): mục này đã được thêm bằng tay hoặc bằng chương trình khác, và vẫn giữ độ mật của nó ở đây.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ranks its classification levels in another order (lowest first: %2; here: %3), so a level would not mean the same here. Nothing was imported.</source>
        <translation>%1 xếp các mức mật theo thứ tự khác (từ thấp đến cao: %2; ở đây: %3), nên một mức mật sẽ không mang cùng nghĩa ở đây. Không có gì được nhập.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is a folder; choose a file name for the package.</source>
        <translation>%1 là một thư mục; hãy chọn tên tệp cho gói dữ liệu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>Không ghi được %1: thư mục %2 không tồn tại.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is left out with the item it belongs to.</source>
        <translation>“%1” bị bỏ ra cùng với mục chứa nó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is all not for release; left out.</source>
        <translation>“%1” toàn bộ không được phép phát hành; đã bỏ ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is %2, above the ceiling (%3); left out.</source>
        <translation>“%1” có độ mật %2, cao hơn mức tối đa (%3); đã bỏ ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is marked not for release; left out.</source>
        <translation>“%1” được đánh dấu không được phép phát hành; đã bỏ ra.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The internal notes of %1 people are left out of this package for sharing: no book prints them, and a library that imports it keeps its own.</source>
        <translation>Ghi chú nội bộ của %1 nhân vật không được đưa vào gói chia sẻ này: không sổ tay nào in chúng, và thư viện nhập gói vẫn giữ ghi chú của mình.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The sensitivities of %1 people are left out of this package at %2: no book below %3 prints them, and a library that imports it keeps its own.</source>
        <translation>Điểm nhạy cảm của %1 nhân vật không được đưa vào gói ở mức %2 này: không sổ tay nào dưới mức %3 in chúng, và thư viện nhập gói vẫn giữ nội dung của mình.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The descriptions of %1 organisations are left out of this package for sharing: no book prints them, and a library that imports it keeps its own.</source>
        <translation>Phần mô tả của %1 tổ chức không được đưa vào gói chia sẻ này: không sổ tay nào in chúng, và thư viện nhập gói vẫn giữ nội dung của mình.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This package carries no internal notes of people (it was made for sharing): the notes kept here stay as they are.</source>
        <translation>Gói này không mang ghi chú nội bộ về nhân vật (gói được tạo để chia sẻ): ghi chú lưu ở đây được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This package carries no sensitivities of people (its ceiling is %1): those kept here stay as they are.</source>
        <translation>Gói này không mang điểm nhạy cảm của nhân vật (mức mật tối đa của gói là %1): nội dung lưu ở đây được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This package carries no descriptions of organisations (it was made for sharing): those kept here stay as they are.</source>
        <translation>Gói này không mang phần mô tả tổ chức (gói được tạo để chia sẻ): phần mô tả lưu ở đây được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This package leaves out the field %1 of every %2: yours stay as they are.</source>
        <translation>Gói này bỏ trống trường %1 của mọi %2: nội dung lưu ở đây được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing of what was chosen can go in a package at %1: each is left out with an item above that ceiling or not for release. No file was written.</source>
        <translation>Không mục nào đã chọn có thể đưa vào gói ở mức mật %1: mỗi mục đều bị bỏ ra cùng một mục có độ mật cao hơn mức đó hoặc không được công bố. Không có tệp nào được ghi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is %2, above the ceiling (%3): it cannot be put in this package.</source>
        <translation>“%1” có độ mật %2, cao hơn mức tối đa (%3): không thể đưa vào gói dữ liệu này.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This item was deleted here; keep mine or take theirs.</source>
        <translation>Mục này đã bị xoá ở đây; hãy chọn giữ bản của tôi hoặc lấy bản của họ.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/text_section.py" line="+137"/>
        <location filename="../../briefbook/ui/library_change_messages.py" line="+20"/>
        <source>This item was changed in another window or program (at %1 UTC) after you started editing it, so your change was not saved. The other version: %2. Look at it, then make your change again.</source>
        <translation>Mục này đã được sửa ở một cửa sổ hoặc chương trình khác (lúc %1 UTC) sau khi bạn bắt đầu sửa, nên thay đổi của bạn chưa được lưu. Phiên bản kia: %2. Hãy xem lại, rồi sửa lại lần nữa.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/library_change_messages.py" line="+7"/>
        <source>%1 meeting(s)</source>
        <translation>%1 cuộc gặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 book(s)</source>
        <translation>%1 tài liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 talking point(s)</source>
        <translation>%1 luận điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 participant link(s)</source>
        <translation>%1 liên kết người tham dự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 delegation entry(ies)</source>
        <translation>%1 mục trong thành phần đoàn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 topic link(s) of meetings</source>
        <translation>%1 liên kết chủ đề của cuộc gặp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 topic link(s) of statements</source>
        <translation>%1 liên kết chủ đề của phát biểu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 photo(s)</source>
        <translation>%1 ảnh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 record(s) of exports</source>
        <translation>%1 bản ghi lần xuất</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 statement(s) losing their speaker</source>
        <translation>%1 phát biểu mất người phát biểu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 person(s) losing their organisation</source>
        <translation>%1 nhân vật mất tổ chức</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it holds a %1 &apos;%2&apos; (BriefBook libraries have no such thing)</source>
        <translation>tệp chứa %1 &apos;%2&apos; (thư viện BriefBook không có loại này)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its %1 &apos;%2&apos; is not in the shape BriefBook makes</source>
        <translation>%1 &apos;%2&apos; của tệp không đúng cấu trúc BriefBook tạo ra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its table &apos;%1&apos; has an extra unique constraint</source>
        <translation>bảng &apos;%1&apos; của tệp có thêm một ràng buộc duy nhất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its %1 &apos;%2&apos; is missing</source>
        <translation>tệp thiếu %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it holds an object &apos;%1&apos; that BriefBook does not make</source>
        <translation>tệp chứa đối tượng &apos;%1&apos; mà BriefBook không tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left out the %1 &apos;%2&apos;</source>
        <translation>đã bỏ %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file had no table &apos;%1&apos;</source>
        <translation>tệp không có bảng &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left out a row of &apos;%1&apos; that refers to something not in the file</source>
        <translation>đã bỏ một dòng của &apos;%1&apos; trỏ tới nội dung không có trong tệp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out the table &apos;%1&apos;, which BriefBook does not make</source>
        <translation>đã bỏ bảng &apos;%1&apos;, bảng mà BriefBook không tạo ra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the table &apos;%1&apos; had no column &apos;%2&apos;, which it needs</source>
        <translation>bảng &apos;%1&apos; thiếu cột &apos;%2&apos; cần thiết</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the table &apos;%1&apos; had no column &apos;%2&apos; (the default is used)</source>
        <translation>bảng &apos;%1&apos; thiếu cột &apos;%2&apos; (dùng giá trị mặc định)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out %1 of %2 rows of &apos;%3&apos; that do not fit</source>
        <translation>đã bỏ %1 trong %2 dòng của &apos;%3&apos; không phù hợp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out a photo BriefBook cannot read (person %1)</source>
        <translation>đã bỏ một ảnh BriefBook không đọc được (nhân vật %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is damaged, so no cleaned copy can be made of it.</source>
        <translation>Tệp bị hỏng nên không thể tạo bản sao đã làm sạch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file does not say which version of BriefBook wrote it, so no cleaned copy can be made.</source>
        <translation>Tệp không cho biết phiên bản BriefBook nào đã tạo ra nó nên không thể tạo bản sao đã làm sạch.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file was written by a newer version of BriefBook; update BriefBook.</source>
        <translation>Tệp được tạo bởi phiên bản BriefBook mới hơn; hãy cập nhật BriefBook.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No cleaned copy can be made: %1.</source>
        <translation>Không thể tạo bản sao đã làm sạch: %1.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_refusals.py" line="+21"/>
        <source>The book “%1” may hold nothing above %2 (its highest classification), so it cannot be exported at %3. To export it at %3, first raise the book&apos;s highest classification to %3 in Books (Book details, Highest classification).</source>
        <translation>Tài liệu “%1” chỉ được chứa nội dung có độ mật đến %2 (mức mật tối đa của tài liệu), nên không thể xuất ở độ mật %3. Muốn xuất ở độ mật %3, trước hết hãy nâng mức mật tối đa của tài liệu lên %3 trong mục Tài liệu (thẻ “Thông tin tài liệu”, ô “Mức mật tối đa”).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The book “%1” has no highest classification: choose the highest level this copy may hold (%2).</source>
        <translation>Tài liệu “%1” chưa có mức mật tối đa: hãy chọn độ mật cao nhất mà bản này được chứa (%2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PDF password is empty; type a password, or leave the field empty.</source>
        <translation>Mật khẩu PDF chỉ có khoảng trắng; hãy nhập mật khẩu, hoặc xoá trống ô mật khẩu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A password protects only the PDF, and this export writes only a Word file, which would open without it: export the PDF too, or leave the password out.</source>
        <translation>Mật khẩu chỉ bảo vệ tệp PDF, nhưng lần xuất này chỉ tạo tệp Word, vốn mở được mà không cần mật khẩu: hãy xuất cả tệp PDF, hoặc bỏ mật khẩu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing can only be refused in a password-protected PDF: give a password, or allow printing.</source>
        <translation>Chỉ có thể chặn in đối với tệp PDF có mật khẩu: hãy đặt mật khẩu, hoặc cho phép in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cards are printed as a PDF, on A5 or A6.</source>
        <translation>Phiếu tóm tắt được in thành tệp PDF, khổ A5 hoặc A6.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose where to save the book: a file name, or a folder.</source>
        <translation>Chọn nơi lưu tài liệu: một tên tệp hoặc một thư mục.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export was stopped and no file was written: %1 piece(s) of text would have left although they may not. This is a fault in BriefBook; please report it.</source>
        <translation>Việc xuất đã dừng và không có tệp nào được ghi: %1 đoạn văn bản lẽ ra đã bị đưa ra ngoài dù không được phép. Đây là lỗi của BriefBook; xin vui lòng báo lại.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export formats are PDF and Word (DOCX), not %1.</source>
        <translation>Chỉ xuất được ra PDF và Word (DOCX), không xuất được ra %1.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/library_messages.py" line="+37"/>
        <source>The %1 &apos;%2&apos; is not a real date; write it like %4 or %3.</source>
        <translation>“%2” ở ô %1 không phải là ngày có thật; hãy viết theo dạng %4 hoặc %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2) is before the %3 (%4).</source>
        <translation>%1 (%2) sớm hơn %3 (%4).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 needs %2.</source>
        <translation>%1 cần có %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%2&apos; is not a valid %1; choose one of: %3.</source>
        <translation>“%2” không phải là %1 hợp lệ; hãy chọn một trong: %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A participant&apos;s role must be one of: %1.</source>
        <translation>Vai trò của người tham dự phải là một trong: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a classification level in this library; the levels, lowest first: %2.</source>
        <translation>“%1” không phải là độ mật trong thư viện này; các độ mật, từ thấp đến cao: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; could mean more than one level (%2); use the level&apos;s name.</source>
        <translation>“%1” có thể hiểu là nhiều độ mật (%2); hãy dùng đúng tên của độ mật.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The label &apos;%1&apos; contains an invisible character (%2), which can make a banner read otherwise than it was typed. Type it again without it.</source>
        <translation>Nhãn “%1” chứa một ký tự ẩn (%2), có thể làm dòng độ mật in trên mỗi trang hiển thị khác với chữ đã gõ. Hãy gõ lại nhãn, không có ký tự đó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The level name &apos;%1&apos; contains an invisible character (%2), which can make a banner read otherwise than it was typed. Type it again without it.</source>
        <translation>Tên độ mật “%1” chứa một ký tự ẩn (%2), có thể làm dòng độ mật in trên mỗi trang hiển thị khác với chữ đã gõ. Hãy gõ lại tên, không có ký tự đó.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a classification level: one of %1.</source>
        <translation>Hãy chọn một độ mật: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the highest classification: one of %1.</source>
        <translation>Hãy chọn mức mật tối đa, một trong: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The id %1 is already used by a %2 in this library.</source>
        <translation>Mã %1 đã được dùng cho một %2 trong thư viện này.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item with that id is already in the library.</source>
        <translation>Thư viện đã có một mục mang mã này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A required field is empty (%1).</source>
        <translation>Một trường bắt buộc đang để trống (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The change could not be saved; the library was not changed.</source>
        <translation>Không lưu được thay đổi; thư viện vẫn giữ nguyên.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library file tried to run instructions of its own, which BriefBook never allows. Your change was not saved; check the file with &apos;briefbook check&apos;.</source>
        <translation>Tệp thư viện định tự chạy các lệnh riêng, điều mà BriefBook không bao giờ cho phép. Thay đổi của bạn chưa được lưu; hãy kiểm tra tệp bằng lệnh &apos;briefbook check&apos;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move the dates by a whole number of years (at most 100).</source>
        <translation>Hãy dời ngày theo một số năm tròn (tối đa 100 năm).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a picture.</source>
        <translation>%1 là một thư mục, không phải ảnh.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The picture %1 cannot be read.</source>
        <translation>Không đọc được ảnh %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sections of the book “%1” are damaged.</source>
        <translation>Các phần của tài liệu “%1” bị hỏng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The book has a section of an unknown kind (&apos;%1&apos;); the library file may have been altered.</source>
        <translation>Tài liệu có một phần thuộc loại không xác định (&apos;%1&apos;); tệp thư viện có thể đã bị sửa đổi bên ngoài BriefBook.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>That refers to an item that is not in the library: no %1 has the id &apos;%2&apos; (the %4 of this %3). Did you mean «%5» (id &apos;%6&apos;)?</source>
        <translation>Nội dung này dẫn tới một mục không có trong thư viện: không có %1 nào mang mã &apos;%2&apos; (trường %4 của %3 này). Có phải ý bạn là «%5» (mã &apos;%6&apos;)?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>That refers to an item that is not in the library: no %1 has the id &apos;%2&apos; (the %4 of this %3).</source>
        <translation>Nội dung này dẫn tới một mục không có trong thư viện: không có %1 nào mang mã &apos;%2&apos; (trường %4 của %3 này).</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/store_messages.py" line="+17"/>
        <source>recent changes</source>
        <translation>những thay đổi gần đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unfinished change</source>
        <translation>một thay đổi còn dở dang</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>its record of versions is not one BriefBook writes (steps missing or out of order)</source>
        <translation>bản ghi các phiên bản của tệp không phải do BriefBook ghi (thiếu bước hoặc sai thứ tự)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library %1 was left half-changed by a program that stopped (its unfinished change is in %2), and BriefBook cannot undo that change here because it may not write to the file. Copy both files to a folder where you can write, and open the copy. Nothing has been changed.</source>
        <translation>Thư viện %1 còn dở một thay đổi do một chương trình bị dừng đột ngột để lại (phần thay đổi dở dang nằm trong tệp %2), và BriefBook không thể hoàn tác thay đổi đó ở đây vì không có quyền ghi vào tệp. Hãy sao chép cả hai tệp vào một thư mục bạn có quyền ghi rồi mở bản sao đó. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The library %1 was left half-changed by a program that stopped, and undoing that change (kept in %2) would not give a readable library. Neither file has been changed; restore a backup (File → Backups…).</source>
        <translation>Thư viện %1 còn dở một thay đổi do một chương trình bị dừng đột ngột để lại, và nếu hoàn tác thay đổi đó (lưu trong tệp %2) thì thư viện sẽ không đọc được. Cả hai tệp đều chưa bị thay đổi; hãy khôi phục một bản sao lưu (Tệp → Bản sao lưu…).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The library %1 is on a read-only disk, and %2 to it are in the file %3 beside it, which BriefBook cannot apply there. Copy both files to a folder where you can write, and open the copy. Nothing has been changed.</source>
        <translation>Thư viện %1 nằm trên ổ đĩa chỉ cho phép đọc, và %2 của thư viện đang nằm trong tệp %3 bên cạnh, mà BriefBook không thể ghi vào thư viện ở đó. Hãy sao chép cả hai tệp vào một thư mục bạn có quyền ghi rồi mở bản sao đó. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The library %1 needs to be updated for this version of BriefBook, but it could not be backed up first (%3). It has not been changed.</source>
        <translation>Thư viện %1 cần được cập nhật cho phiên bản BriefBook này, nhưng không sao lưu được trước khi cập nhật (%3). Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The library %1 cannot be opened.</source>
        <translation>Không mở được thư viện %1.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/render_messages.py" line="+18"/>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you are not allowed to write there</source>
        <translation>bạn không có quyền ghi vào đó</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The template file %1 cannot be read: it is not valid JSON (line %2, column %3).</source>
        <translation>Không đọc được tệp mẫu trình bày %1: nội dung không đúng cú pháp JSON (dòng %2, cột %3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The template file %1 cannot be read: it is not saved as UTF-8.</source>
        <translation>Không đọc được tệp mẫu trình bày %1: tệp không được lưu theo bảng mã UTF-8.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template file %1 cannot be read.</source>
        <translation>Không đọc được tệp mẫu trình bày %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template file %1 must hold a JSON object ({…}).</source>
        <translation>Tệp mẫu trình bày %1 phải chứa một đối tượng JSON ({…}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template file %1 is larger than %2 KB; BriefBook will not use it.</source>
        <translation>Tệp mẫu trình bày %1 lớn hơn %2 KB; BriefBook sẽ không dùng tệp này.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In %1, page.size is &apos;%2&apos;; use one of %3.</source>
        <translation>Trong %1, page.size đang là “%2”; hãy dùng một trong các khổ giấy: %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, reference_docx must be a file name in the template&apos;s folder, not &apos;%2&apos;.</source>
        <translation>Trong %1, reference_docx phải là tên một tệp nằm trong thư mục của mẫu trình bày, không được là “%2”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In %1, %2 must be text (in double quotes), not %3.</source>
        <translation>Trong %1, %2 phải là một chuỗi chữ (đặt trong dấu ngoặc kép), không được là %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, %2 must be a number between 0 and 500, not %3.</source>
        <translation>Trong %1, %2 phải là một số từ 0 đến 500, không được là %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, %2 must be a colour like %3, not %4.</source>
        <translation>Trong %1, %2 phải là một mã màu dạng %3, không được là %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, %2 must be true or false, not %3.</source>
        <translation>Trong %1, %2 phải là true hoặc false, không được là %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, %2 must be one of %3, not %4.</source>
        <translation>Trong %1, %2 phải là một trong các giá trị %3, không được là %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, header is longer than %2 characters.</source>
        <translation>Trong %1, header dài hơn %2 ký tự.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1, header &apos;%2&apos; is not a pattern BriefBook can fill (a { or } is missing or extra).</source>
        <translation>Trong %1, header “%2” không phải là mẫu BriefBook điền được (thiếu hoặc thừa một dấu { hay }).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In %1, header may use only %2 as they are (no widths or other formatting), not &apos;%3&apos;.</source>
        <translation>Trong %1, header chỉ được dùng %2 đúng nguyên dạng (không kèm độ rộng hay định dạng nào khác), không được dùng “%3”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Template &apos;%1&apos; uses the font &apos;%2&apos;, but the file %3 is missing from %4.</source>
        <translation>Mẫu trình bày “%1” dùng phông chữ “%2”, nhưng trong %4 không có tệp %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Template &apos;%1&apos; has no Word styles file: %2 is missing.</source>
        <translation>Mẫu trình bày “%1” không có tệp kiểu Word: thiếu tệp %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Word styles file of template &apos;%1&apos; (%2) cannot be read. Rebuild it with: %3</source>
        <translation>Không đọc được tệp kiểu Word của mẫu trình bày “%1” (%2). Hãy tạo lại tệp này bằng lệnh: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Word styles file %1 is not a Word document.</source>
        <translation>Tệp kiểu Word %1 không phải là văn bản Word.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Word styles file %1 has %2 parts; BriefBook will not use it.</source>
        <translation>Tệp kiểu Word %1 có tới %2 phần; BriefBook sẽ không dùng tệp này.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The part %1 of the Word styles file %2 is too large (over %3 MB unpacked); BriefBook will not use it.</source>
        <translation>Phần %1 của tệp kiểu Word %2 quá lớn (hơn %3 MB khi giải nén); BriefBook sẽ không dùng tệp này.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Word styles file %1 is damaged.</source>
        <translation>Tệp kiểu Word %1 bị hỏng.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Word styles file %1 has no styles (word/styles.xml is missing).</source>
        <translation>Tệp kiểu Word %1 không có kiểu trình bày nào (thiếu phần word/styles.xml).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part %1 of the Word styles file %2 cannot be read (its XML is broken).</source>
        <translation>Không đọc được phần %1 của tệp kiểu Word %2 (nội dung XML bị lỗi).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Word styles file %1 cannot be read.</source>
        <translation>Không đọc được tệp kiểu Word %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Word styles file %1 is larger than %2 MB; BriefBook will not use it.</source>
        <translation>Tệp kiểu Word %1 lớn hơn %2 MB; BriefBook sẽ không dùng tệp này.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the Word file as %1: that is a folder. Choose a file name.</source>
        <translation>Không lưu được tệp Word thành %1: đó là một thư mục. Hãy chọn một tên tệp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the Word file in %1: %2. Choose another folder.</source>
        <translation>Không lưu được tệp Word vào %1: %2. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the Word file %1: %2.</source>
        <translation>Không ghi được tệp Word %1: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cards are printed on A5 or A6, not %1.</source>
        <translation>Phiếu tóm tắt chỉ in được trên khổ A5 hoặc A6, không in được trên khổ %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cards could not be laid out: an item is too large for the card. Shorten the longest table or text and export again.</source>
        <translation>Không dàn trang được phiếu tóm tắt: một mục quá lớn so với trang phiếu. Hãy rút gọn bảng hoặc đoạn văn dài nhất rồi xuất lại.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password protection needs the &apos;cryptography&apos; package, which is not installed. Install it, or export without a password.</source>
        <translation>Muốn đặt mật khẩu cho tệp PDF cần có gói &apos;cryptography&apos;, nhưng gói này chưa được cài. Hãy cài gói đó, hoặc xuất mà không đặt mật khẩu.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../briefbook/ui/editors/fields.py" line="+344"/>
        <source>e.g. 17/12/2025 09:00</source>
        <translation>ví dụ: 17/12/2025 09:00</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. 17/12/2025</source>
        <translation>ví dụ: 17/12/2025</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar</source>
        <translation>Lịch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the date on a calendar</source>
        <translation>Chọn ngày trên lịch</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Write a date such as 17/12/2025, with a time if you like: 17/12/2025 09:00.</source>
        <translation>Hãy ghi ngày dạng 17/12/2025, có thể kèm giờ: 17/12/2025 09:00.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a date such as 17/12/2025 (day/month/year) or 2025-12-17.</source>
        <translation>Hãy ghi ngày dạng 17/12/2025 (ngày/tháng/năm) hoặc 2025-12-17.</translation>
    </message>
</context>
<context>
    <name>DeleteConfirm</name>
    <message>
        <location filename="../../briefbook/ui/delete_confirm.py" line="+28"/>
        <source>Delete them all</source>
        <translation>Xóa tất cả</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete with what belongs to it?</source>
        <translation>Xóa cùng những gì thuộc về nó?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting this also deletes or changes:</source>
        <translation>Xoá mục này cũng sẽ xoá hoặc thay đổi:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit → Undo brings it all back, and so does &apos;briefbook undelete&apos; later.</source>
        <translation>Sửa → Hoàn tác sẽ khôi phục tất cả; sau này lệnh &apos;briefbook undelete&apos; cũng vậy.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>it is raised in the meeting “%1” (%2)</source>
        <translation>được nêu trong cuộc gặp “%1” (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>they take part in the meeting “%1” (%2): they leave it</source>
        <translation>tham dự cuộc gặp “%1” (%2): sẽ bị rút khỏi cuộc gặp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>they are in the delegation to “%1”: they leave it</source>
        <translation>có tên trong đoàn dự “%1”: sẽ bị rút khỏi đoàn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its book “%1” is deleted with it</source>
        <translation>tài liệu “%1” của sự kiện này cũng bị xoá theo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the book “%1” shows them (biography, participants): it will no longer</source>
        <translation>tài liệu “%1” có người này (tiểu sử, danh sách đại biểu): sẽ không còn nữa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the book “%1” includes it: it will no longer</source>
        <translation>tài liệu “%1” có mục này: sẽ không còn nữa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>they made 1 prior statement: kept, no longer linked</source>
        <translation>là người phát biểu của 1 phát biểu trước đây: phát biểu vẫn giữ, không còn gắn với người này</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>they made %1 prior statements: kept, no longer linked</source>
        <translation>là người phát biểu của %1 phát biểu trước đây: các phát biểu vẫn giữ, không còn gắn với người này</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../briefbook/ui/editors/photo.py" line="+24"/>
        <source>Choose a photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/editors/rich_text.py" line="+44"/>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address of the link (https://…):</source>
        <translation>Địa chỉ liên kết (https://…):</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/library_files.py" line="+42"/>
        <source>BriefBook libraries (*%1);;All files (*)</source>
        <translation>Thư viện BriefBook (*%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open library</source>
        <translation>Mở thư viện</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New library</source>
        <translation>Tạo thư viện mới</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <location filename="../../briefbook/ui/error_hook.py" line="+58"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>BriefBook</source>
        <translation>BriefBook</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong</source>
        <translation>Đã xảy ra sự cố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BriefBook ran into an unexpected problem and could not finish what you asked. Your library is safe and you can keep working.

The details were written to %1.</source>
        <translation>BriefBook gặp một sự cố ngoài dự kiến và chưa thực hiện được thao tác vừa rồi. Thư viện của bạn vẫn an toàn và bạn có thể tiếp tục làm việc.

Thông tin chi tiết đã được ghi vào %1.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../briefbook/ui/exchange/conflict_view.py" line="-114"/>
        <source>Edit from both versions</source>
        <translation>Sửa từ cả hai phiên bản</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yours (edit it) — and theirs, for reference:</source>
        <translation>Bản của bạn (sửa tại đây) — và bản của họ, để tham khảo:</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/exchange/import_preview.py" line="+69"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Documents, articles and contact lists (*.docx *.txt *.html *.htm *.csv *.vcf);;All files (*)</source>
        <translation>Văn bản, bài báo và danh bạ (*.docx *.txt *.html *.htm *.csv *.vcf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Edit before importing</source>
        <translation>Sửa trước khi nhập</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/exchange/package_preview.py" line="+37"/>
        <source>BriefBook packages (*.bbpkg *.zip);;All files (*)</source>
        <translation>Gói dữ liệu BriefBook (*.bbpkg *.zip);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+26"/>
        <source>Import package</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/exchange/package_export.py" line="+181"/>
        <location line="+16"/>
        <location line="+12"/>
        <location filename="../../briefbook/ui/exchange/package_preview.py" line="-15"/>
        <source>Export package</source>
        <translation>Xuất gói dữ liệu</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The library has no event to share.</source>
        <translation>Thư viện chưa có sự kiện nào để chia sẻ.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wrote %1: %2 items.</source>
        <translation>Đã ghi %1: %2 mục.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left out: %1</source>
        <translation>Đã bỏ ra: %1</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/exchange/package_preview.py" line="+37"/>
        <source>Reading the package…</source>
        <translation>Đang đọc gói dữ liệu…</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../briefbook/ui/exchange/__init__.py" line="+54"/>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import pasted &amp;text…</source>
        <translation>N&amp;hập văn bản dán…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import packa&amp;ge…</source>
        <translation>Nhậ&amp;p gói dữ liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export pac&amp;kage…</source>
        <translation>Xuất gói &amp;dữ liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange con&amp;flicts…</source>
        <translation>Xung đột &amp;khi trao đổi…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../briefbook/ui/export_dialog.py" line="+228"/>
        <source>Cards for the car, one A5 page per meeting (PDF)</source>
        <translation>Phiếu tóm tắt mang theo, mỗi cuộc gặp một trang A5 (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards for the car, one A6 page per meeting (PDF)</source>
        <translation>Phiếu tóm tắt mang theo, mỗi cuộc gặp một trang A6 (PDF)</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_files.py" line="+25"/>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word document (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to</source>
        <translation>Xuất ra</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_dialog.py" line="-21"/>
        <source>Export “%1”</source>
        <translation>Xuất tài liệu “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Formats:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Lưu thành:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Template:</source>
        <translation>Mẫ&amp;u trình bày:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Highest classification:</source>
        <translation>Mức mật &amp;tối đa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Drafts:</source>
        <translation>Dự t&amp;hảo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book &amp;language:</source>
        <translation>&amp;Ngôn ngữ tài liệu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF pass&amp;word:</source>
        <translation>Mật &amp;khẩu PDF:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PDF and Word (DOCX)</source>
        <translation>PDF và Word (DOCX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF only</source>
        <translation>Chỉ PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word (DOCX) only</source>
        <translation>Chỉ Word (DOCX)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a page: &amp;changes since the last export</source>
        <translation>Thêm &amp;một trang: những thay đổi từ lần xuất trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: readers must type it to open the PDF</source>
        <translation>không bắt buộc: người đọc phải nhập mật khẩu này để mở tệp PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow &amp;printing of the protected PDF</source>
        <translation>Cho phép &amp;in tệp PDF được bảo vệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;folder</source>
        <translation>Mở thư mục chứa tệ&amp;p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Exporting again replaces the files just written.</source>
        <translation>Xuất lại sẽ thay thế các tệp vừa ghi.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_run.py" line="+137"/>
        <source>The book was exported: %1, in the folder %2.</source>
        <translation>Đã xuất tài liệu: %1, trong thư mục %2.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_dialog.py" line="+2"/>
        <source>A file of that name is there already; the export replaces it.</source>
        <translation>Đã có tệp cùng tên; bản xuất mới sẽ thay thế tệp đó.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Choose where to save the book: a file name, or a folder.</source>
        <translation>Chọn nơi lưu tài liệu: một tên tệp hoặc một thư mục.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>F&amp;or sharing (leave out passages not for release)</source>
        <translation>Để chi&amp;a sẻ (bỏ các đoạn không được phát hành)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Writes %1 in %2.</source>
        <translation>Ghi %1 vào %2.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/export_run.py" line="-82"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This library is not stored in a file; it cannot be exported.</source>
        <translation>Thư viện này không được lưu trong tệp nên không xuất được.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Putting the book together…</source>
        <translation>Đang tập hợp tài liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the PDF…</source>
        <translation>Đang ghi tệp PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the Word file…</source>
        <translation>Đang ghi tệp Word…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The library is read-only, so this export is not recorded: it has no version number, and the next &apos;changes since&apos; page compares with the last recorded export.</source>
        <translation>Thư viện chỉ đọc nên lần xuất này không được ghi lại: bản này không có số phiên bản, và trang &apos;những thay đổi từ phiên bản&apos; lần sau sẽ so với lần xuất đã được ghi lại gần nhất.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The export did not finish.</source>
        <translation>Việc xuất chưa hoàn tất.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled.</source>
        <translation>Đã huỷ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export was cancelled; no file was changed.</source>
        <translation>Đã huỷ việc xuất; không tệp nào bị thay đổi.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export failed</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PDF</source>
        <translation>Tệp PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word file</source>
        <translation>Tệp Word</translation>
    </message>
</context>
<context>
    <name>ExportMessages</name>
    <message>
        <location filename="../../briefbook/ui/export_messages.py" line="+20"/>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder is read-only or you are not allowed to write there</source>
        <translation>thư mục chỉ cho phép đọc hoặc bạn không có quyền ghi vào đó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder does not exist</source>
        <translation>thư mục không tồn tại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that is a folder</source>
        <translation>đó là một thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is read-only or open in another program</source>
        <translation>tệp chỉ cho phép đọc hoặc đang mở trong một chương trình khác</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is a folder; choose a file name to export to.</source>
        <translation>%1 là một thư mục; hãy chọn tên tệp để xuất ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export to %1: the folder %2 does not exist.</source>
        <translation>Không thể xuất ra %1: thư mục %2 không tồn tại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export to %1: the folder %2 is read-only.</source>
        <translation>Không thể xuất ra %1: thư mục %2 chỉ cho phép đọc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export to %1: the file is read-only or open in another program. Close it and export again.</source>
        <translation>Không thể xuất ra %1: tệp chỉ cho phép đọc hoặc đang mở trong chương trình khác. Hãy đóng tệp rồi xuất lại.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Word file would be larger than 4 GB (or hold more than 65,535 parts), which Word cannot open. Leave out some pictures or split the book.</source>
        <translation>Tệp Word sẽ lớn hơn 4 GB (hoặc gồm hơn 65.535 phần), Word không mở được. Hãy bỏ bớt một số ảnh hoặc chia sổ tay thành nhiều tập.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose where to save the book: a file name, or a folder.</source>
        <translation>Chọn nơi lưu tài liệu: một tên tệp hoặc một thư mục.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a file name BriefBook can write to.</source>
        <translation>“%1” không phải là tên tệp mà BriefBook có thể ghi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export was cancelled; no file was changed.</source>
        <translation>Đã huỷ việc xuất; không tệp nào bị thay đổi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the PDF to %1: %2.</source>
        <translation>Không ghi được tệp PDF vào %1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot replace %1: it may be open in Word or another program. Close it and export again.</source>
        <translation>Không thay thế được %1: tệp có thể đang mở trong Word hoặc chương trình khác. Hãy đóng tệp rồi xuất lại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the Word file in %1: you do not have permission to write there. Choose another folder.</source>
        <translation>Không lưu được tệp Word vào %1: bạn không có quyền ghi vào đó. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save the Word file: the folder %1 does not exist.</source>
        <translation>Không lưu được tệp Word: thư mục %1 không tồn tại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no template &apos;%1&apos;. Templates available: %2.</source>
        <translation>Không có mẫu trình bày “%1”. Các mẫu hiện có: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF could not be laid out: an item of the book is too large for the page. Shorten the longest table or text and export again.</source>
        <translation>Không dàn trang được tệp PDF: một mục trong tài liệu quá lớn so với trang. Hãy rút gọn bảng hoặc đoạn văn dài nhất rồi xuất lại.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../briefbook/ui/editors/fields.py" line="-218"/>
        <source>%1 The saved value is shown again.</source>
        <translation>%1 Giá trị đã lưu được hiển thị lại.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../briefbook/ui/labels.py" line="-73"/>
        <source>Their likely positions and asks</source>
        <translation>Quan điểm, đề nghị dự kiến của phía bạn</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acronym</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (romanised)</source>
        <translation>Tên (phiên âm Latinh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honorific</source>
        <translation>Danh xưng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biography</source>
        <translation>Tiểu sử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages spoken</source>
        <translation>Ngôn ngữ sử dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to pronounce</source>
        <translation>Cách phát âm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to address</source>
        <translation>Cách xưng hô</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interests</source>
        <translation>Mối quan tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivities</source>
        <translation>Vấn đề nhạy cảm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End date</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Thành phố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host(s)</source>
        <translation>Nước/cơ quan chủ trì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scene-setter</source>
        <translation>Bối cảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Background</source>
        <translation>Thông tin nền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafted by</source>
        <translation>Người soạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleared by</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleared on</source>
        <translation>Ngày duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker (person)</source>
        <translation>Người phát biểu (nhân vật)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occasion</source>
        <translation>Dịp phát biểu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Đường dẫn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>Phụ đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template</source>
        <translation>Mẫu trình bày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification ceiling</source>
        <translation>Độ mật tối đa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drafts</source>
        <translation>Bản dự thảo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy number</source>
        <translation>Bản số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Đơn vị soạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue date</source>
        <translation>Ngày phát hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sections</source>
        <translation>Các phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last exported</source>
        <translation>Lần xuất gần nhất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name (as written)</source>
        <translation>Họ tên (chữ gốc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote or text</source>
        <translation>Trích dẫn hoặc nội dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of meeting</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of organisation</source>
        <translation>Loại hình tổ chức</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/message_parts.py" line="+52"/>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../briefbook/ui/filter_bar.py" line="+71"/>
        <source>Filter by words (accents optional)…</source>
        <translation>Lọc theo từ (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the list by words</source>
        <translation>Lọc danh sách theo từ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only: %1</source>
        <translation>Chỉ hiện: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>all</source>
        <translation>tất cả</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../briefbook/ui/help_window.py" line="-24"/>
        <source>BriefBook help</source>
        <translation>Trợ giúp BriefBook</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read only. The arrow keys scroll; Tab goes from link to link, Enter follows one.</source>
        <translation>Chỉ để đọc. Phím mũi tên để cuộn; Tab để đi qua các liên kết, Enter để mở liên kết.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../briefbook/ui/exchange/import_preview.py" line="-201"/>
        <source>Import pasted text</source>
        <translation>Nhập văn bản dán</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import %1</source>
        <translation>Nhập %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Talking points</source>
        <translation>Luận điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prior statements</source>
        <translation>Phát biểu trước đây</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Nhân vật</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Year (the article gives none):</source>
        <translation>Năm (bài báo không ghi):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source of the statements:</source>
        <translation>Nguồn của các phát biểu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+156"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file holds:</source>
        <translation>Tệp chứa:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The text holds:</source>
        <translation>Văn bản chứa:</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>merge</source>
        <translation>gộp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>already here</source>
        <translation>đã có</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 new, %2 to merge, %3 already in the library, %4 dropped.</source>
        <translation>%1 mới, %2 cần gộp, %3 đã có trong thư viện, %4 bỏ qua.</translation>
    </message>
</context>
<context>
    <name>ItemMenu</name>
    <message>
        <location filename="../../briefbook/ui/item_menu.py" line="+45"/>
        <source> (copy)</source>
        <translation> (bản sao)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Du&amp;plicate</source>
        <translation>&amp;Nhân bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate for &amp;next year (dates a year on)</source>
        <translation>Nhân bản cho năm sa&amp;u (lùi ngày một năm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a &amp;link to the item</source>
        <translation>Sao chép liên &amp;kết đến mục này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Chu&amp;yển xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the menu of the item</source>
        <translation>Hiện trình đơn của mục</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../briefbook/ui/editors/pickers.py" line="+31"/>
        <source>&amp;New organisation “%1”</source>
        <translation>&amp;Tạo tổ chức mới “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New topic “%1”</source>
        <translation>&amp;Tạo chủ đề mới “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New person “%1”</source>
        <translation>&amp;Tạo nhân vật mới “%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose: %1</source>
        <translation>Chọn %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type part of a name (accents are optional):</source>
        <translation>Gõ một phần của tên (có dấu hoặc không dấu):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Add it to the library with this name and choose it (Undo takes it back)</source>
        <translation>Thêm vào thư viện với tên này và chọn luôn (Hoàn tác để bỏ)</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../briefbook/ui/labels.py" line="-89"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>Cuộc gặp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meetings</source>
        <translation>Cuộc gặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Nhân vật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Nhân vật</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talking point</source>
        <translation>Luận điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talking points</source>
        <translation>Luận điểm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prior statement</source>
        <translation>Phát biểu trước đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior statements</source>
        <translation>Phát biểu trước đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Books</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>(untitled)</source>
        <translation>(chưa có tên)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no speaker)</source>
        <translation>(chưa rõ người phát biểu)</translation>
    </message>
</context>
<context>
    <name>LevelField</name>
    <message>
        <location filename="../../briefbook/ui/editors/fields.py" line="+139"/>
        <source>No ceiling: choose one to export</source>
        <translation>Chưa chọn độ mật: cần chọn để xuất</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../briefbook/ui/labels.py" line="-44"/>
        <source>Public</source>
        <translation>Công khai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
</context>
<context>
    <name>LibraryRecovery</name>
    <message>
        <location filename="../../briefbook/ui/library_recovery.py" line="+61"/>
        <source>Open the newest good backup</source>
        <translation>Mở bản sao lưu tốt gần nhất</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Open a cleaned copy</source>
        <translation>Mở bản sao đã làm sạch</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Please update BriefBook</source>
        <translation>Hãy cập nhật BriefBook</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This library is not in BriefBook&apos;s shape</source>
        <translation>Thư viện này không đúng cấu trúc của BriefBook</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BriefBook will not open %1: it holds instructions or tables of its own, which could act on your data when it is used. It has not been opened and has not been changed.</source>
        <translation>BriefBook sẽ không mở %1: tệp chứa lệnh hoặc bảng riêng có thể tác động lên dữ liệu của bạn khi được dùng. Tệp chưa được mở và không bị thay đổi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>BriefBook can make a cleaned copy, %1, with only BriefBook&apos;s own tables and their data, and open it. The original file stays exactly as it is.</source>
        <translation>BriefBook có thể tạo một bản sao đã làm sạch, %1, chỉ gồm các bảng của BriefBook và dữ liệu của chúng, rồi mở bản sao đó. Tệp gốc được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Making a cleaned copy…</source>
        <translation>Đang tạo bản sao đã làm sạch…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are now working in the cleaned copy %1.</source>
        <translation>Bạn đang làm việc trên bản sao đã làm sạch %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cleaned copy opened</source>
        <translation>Đã mở bản sao đã làm sạch</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The library cannot be opened</source>
        <translation>Không mở được thư viện</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no good backup of it beside it. If you have a copy elsewhere, open that copy.</source>
        <translation>Không tìm thấy bản sao lưu tốt nào của thư viện này bên cạnh tệp. Nếu bạn có bản sao ở nơi khác, hãy mở bản sao đó.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A good backup from %1 is available. BriefBook can put it in place of the damaged file and open it. The damaged file is not deleted: it is kept, unchanged, in the backups folder. Changes made after %1 are not in the backup.</source>
        <translation>Có một bản sao lưu tốt lúc %1. BriefBook có thể đặt bản sao lưu này vào chỗ của tệp bị hỏng rồi mở nó. Tệp bị hỏng không bị xoá: tệp được giữ nguyên vẹn trong thư mục sao lưu. Những thay đổi sau %1 không có trong bản sao lưu.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+46"/>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The backup from %1 is now the library %2.</source>
        <translation>Bản sao lưu lúc %1 nay là thư viện %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The damaged file was kept, unchanged, as %1.</source>
        <translation>Tệp bị hỏng được giữ nguyên vẹn tại %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup opened</source>
        <translation>Đã mở bản sao lưu</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../briefbook/ui/menus.py" line="+126"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New library…</source>
        <translation>&amp;Tạo thư viện mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open library…</source>
        <translation>&amp;Mở thư viện…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo library</source>
        <translation>Mở thư viện &amp;ví dụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Bản sao lưu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New item</source>
        <translation>&amp;Thêm mục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dup&amp;licate</source>
        <translation>&amp;Nhân bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search the library</source>
        <translation>Tìm &amp;kiếm trong thư viện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to item…</source>
        <translation>Đi đến &amp;mục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>Tuỳ &amp;chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the &amp;sidebar</source>
        <translation>Hiện &amp;thanh bên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BriefBook &amp;help</source>
        <translation>&amp;Trợ giúp BriefBook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About BriefBook</source>
        <translation>&amp;Giới thiệu BriefBook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &amp;results</source>
        <translation>&amp;Kết quả tìm kiếm</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../briefbook/ui/main_window.py" line="+268"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the whole library (Ctrl+F); Ctrl+K to go to an item</source>
        <translation>Tìm trong toàn bộ thư viện (Ctrl+F); Ctrl+K để đi đến một mục</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Collections</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The arrow keys choose what the window shows; Ctrl+1 to Ctrl+8 go straight to one.</source>
        <translation>Phím mũi tên để chọn nội dung cửa sổ hiển thị; Ctrl+1 đến Ctrl+8 để đi thẳng đến một danh mục.</translation>
    </message>
</context>
<context>
    <name>MarkdownField</name>
    <message>
        <location filename="../../briefbook/ui/editors/rich_text.py" line="+68"/>
        <source>B</source>
        <comment>bold button</comment>
        <translation>Đ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bold (Ctrl+B)</source>
        <translation>Chữ đậm (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I</source>
        <comment>italic button</comment>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Italic (Ctrl+I)</source>
        <translation>Chữ nghiêng (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link…</source>
        <translation>Liên kết…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make the selected text a link</source>
        <translation>Biến đoạn chữ đã chọn thành liên kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History…</source>
        <translation>Lịch sử…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Earlier versions of this text</source>
        <translation>Các phiên bản trước của nội dung này</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Opening this long text… You can type in it as soon as it is whole.</source>
        <translation>Đang mở văn bản dài này… Bạn có thể gõ vào ngay khi văn bản được mở hết.</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../briefbook/ui/composer/meeting_panel.py" line="+19"/>
        <source>Untick what this brief should leave out; drag entries into the order you want. Double-click an entry to edit it.</source>
        <translation>Bỏ đánh dấu những gì đề cương này không dùng; kéo các mục để sắp xếp theo thứ tự mong muốn. Nhấp đúp vào một mục để sửa.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Talking points</source>
        <translation>Luận điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All that apply (new points are included by themselves)</source>
        <translation>Tất cả luận điểm phù hợp (luận điểm mới được tự động đưa vào)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick to choose the points of this brief one by one and put them in order.</source>
        <translation>Bỏ đánh dấu để tự chọn từng luận điểm cho đề cương này và sắp xếp thứ tự.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prior statements</source>
        <translation>Phát biểu trước đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All that apply (newest first)</source>
        <translation>Tất cả phát biểu phù hợp (mới nhất trước)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick to choose the statements of this brief one by one and put them in order.</source>
        <translation>Bỏ đánh dấu để tự chọn từng phát biểu cho đề cương này và sắp xếp thứ tự.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Brief for “%1”</source>
        <translation>Đề cương cho “%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topics to raise: %1</source>
        <translation>Chủ đề cần nêu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This meeting has no topics yet: link topics to it to give it talking points.</source>
        <translation>Cuộc gặp này chưa có chủ đề: hãy gắn chủ đề cho cuộc gặp để có luận điểm.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(an item that was deleted)</source>
        <translation>(một mục đã bị xoá)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (no longer on this meeting&apos;s topics)</source>
        <translation>%1 (không còn thuộc chủ đề của cuộc gặp này)</translation>
    </message>
</context>
<context>
    <name>NewBookDialog</name>
    <message>
        <location filename="../../briefbook/ui/composer/new_book_dialog.py" line="+42"/>
        <source>New book</source>
        <translation>Tài liệu mới</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>For the &amp;event:</source>
        <translation>Cho &amp;sự kiện:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Highest classification:</source>
        <translation>Độ &amp;mật cao nhất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book &amp;language:</source>
        <translation>&amp;Ngôn ngữ tài liệu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tiêu đề:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Create</source>
        <translation>Tạ&amp;o</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Default: made from the event&apos;s title</source>
        <translation>Mặc định: theo tên sự kiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The book will hold nothing above the level you choose; items above it are left out and listed in the warnings. The event itself is %1.</source>
        <translation>Tài liệu sẽ không chứa gì cao hơn độ mật bạn chọn; các mục cao hơn bị bỏ ra và được liệt kê trong phần cảnh báo. Bản thân sự kiện có độ mật %1.</translation>
    </message>
</context>
<context>
    <name>NewItems</name>
    <message>
        <location filename="../../briefbook/ui/new_items.py" line="+44"/>
        <source>New event</source>
        <translation>Sự kiện mới</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create an event first: every meeting belongs to an event.</source>
        <translation>Hãy tạo sự kiện trước: mỗi cuộc gặp thuộc về một sự kiện.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New meeting</source>
        <translation>Cuộc gặp mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person</source>
        <translation>Nhân vật mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New organisation</source>
        <translation>Tổ chức mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New topic</source>
        <translation>Chủ đề mới</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a topic first: every talking point belongs to a topic.</source>
        <translation>Hãy tạo chủ đề trước: mỗi luận điểm thuộc về một chủ đề.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New talking point</source>
        <translation>Luận điểm mới</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New statement</source>
        <translation>Phát biểu mới</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create an event first: every briefing book belongs to an event.</source>
        <translation>Hãy tạo sự kiện trước: mỗi bộ tài liệu thuộc về một sự kiện.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New briefing book</source>
        <translation>Tài liệu chuẩn bị mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Items of this kind cannot be created here.</source>
        <translation>Không thể tạo loại mục này ở đây.</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../briefbook/ui/exchange/package_preview.py" line="+10"/>
        <source>Import package %1</source>
        <translation>Nhập gói dữ liệu %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 new, %2 updated, %3 deleted, %4 conflicts, %5 unchanged.</source>
        <translation>%1 mới, %2 cập nhật, %3 xoá, %4 xung đột, %5 không đổi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conflicts are items changed both here and in the package since you last agreed: your version stays, theirs is kept beside it until you choose.</source>
        <translation>Xung đột là những mục đã được sửa cả ở đây lẫn trong gói dữ liệu kể từ lần hai bên khớp nhau gần nhất: bản của bạn được giữ nguyên, bản của họ được lưu bên cạnh cho đến khi bạn chọn.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated (changed in the package only)</source>
        <translation>Cập nhật (chỉ sửa trong gói dữ liệu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted in the package</source>
        <translation>Đã xoá trong gói dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts (changed on both sides)</source>
        <translation>Xung đột (sửa ở cả hai bên)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import package</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
</context>
<context>
    <name>PackageExportDialog</name>
    <message>
        <location filename="../../briefbook/ui/exchange/package_export.py" line="-121"/>
        <source>Export package</source>
        <translation>Xuất gói dữ liệu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event: %1</source>
        <translation>Sự kiện: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book: %1</source>
        <translation>Tài liệu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 items selected in the list</source>
        <translation>%1 mục đang chọn trong danh sách</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For &amp;sharing: leave out passages and items marked not for release</source>
        <translation>Để chi&amp;a sẻ: bỏ các đoạn và mục được đánh dấu không được phát hành</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export:</source>
        <translation>&amp;Xuất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Highest classification:</source>
        <translation>Mức mật &amp;tối đa:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package holds the chosen event or book with everything it needs (meetings, people, topics, points, statements); nothing above the ceiling is in the file.</source>
        <translation>Gói chứa sự kiện hoặc tài liệu đã chọn cùng mọi thứ cần thiết (cuộc gặp, nhân vật, chủ đề, ý chính, phát biểu); không có gì trên mức mật tối đa nằm trong tệp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport…</source>
        <translation>X&amp;uất…</translation>
    </message>
</context>
<context>
    <name>PasteTextDialog</name>
    <message>
        <location filename="../../briefbook/ui/exchange/paste_text.py" line="+23"/>
        <source>Import pasted text</source>
        <translation>Nhập văn bản dán</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste a news article: the statements it reports and the people who made them are proposed in a preview before anything is written.</source>
        <translation>Dán một bài báo: các phát biểu được đưa tin và những người phát biểu được đề xuất trong bản xem trước, trước khi ghi bất cứ điều gì.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Article text</source>
        <translation>Nội dung bài báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the article&apos;s text here (Ctrl+V).</source>
        <translation>Dán nội dung bài báo vào đây (Ctrl+V).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preview…</source>
        <translation>&amp;Xem trước…</translation>
    </message>
</context>
<context>
    <name>PersonLinksPanel</name>
    <message>
        <location filename="../../briefbook/ui/editors/links.py" line="+169"/>
        <source>Participants</source>
        <translation>Thành phần tham dự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add participant…</source>
        <translation>Thêm người tham dự…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Our delegation</source>
        <translation>Thành phần đoàn ta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add member…</source>
        <translation>Thêm thành viên…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Bỏ ra</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Role of %1</source>
        <translation>Vai trò của %1</translation>
    </message>
</context>
<context>
    <name>PersonMeetingsPanel</name>
    <message>
        <location filename="../../briefbook/ui/editors/history.py" line="+39"/>
        <location line="+1"/>
        <source>Meetings with us</source>
        <translation>Các cuộc gặp với ta</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No meetings yet.</source>
        <translation>Chưa có cuộc gặp nào.</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../briefbook/ui/editors/photo.py" line="+66"/>
        <source>Choose photo…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste photo</source>
        <translation>Dán ảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove photo</source>
        <translation>Xoá ảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop a picture here</source>
        <translation>Thả ảnh vào đây</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No photo.
Drop a picture here.</source>
        <translation>Chưa có ảnh.
Thả ảnh vào đây.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is no picture on the clipboard.</source>
        <translation>Bộ nhớ tạm không có ảnh nào.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../briefbook/ui/preferences.py" line="+27"/>
        <source>Preferences</source>
        <translation>Tuỳ chọn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Same as the window</source>
        <translation>Như ngôn ngữ cửa sổ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language of the window:</source>
        <translation>&amp;Ngôn ngữ giao diện:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of new &amp;books:</source>
        <translation>Ngôn ngữ của &amp;tài liệu mới:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Vụ Hợp tác quốc tế / Nguyễn Văn A</source>
        <translation>ví dụ: Vụ Hợp tác quốc tế / Nguyễn Văn A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New talking points &amp;drafted by:</source>
        <translation>Người &amp;soạn thảo mặc định của luận điểm mới:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A book&apos;s language sets its headings, dates (17/12/2025) and page numbers.</source>
        <translation>Ngôn ngữ của tài liệu quyết định các đề mục, cách ghi ngày (17/12/2025) và số trang.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <location filename="../../briefbook/ui/composer/preflight_messages.py" line="+26"/>
        <source>%1 “%2” is %3, above the ceiling (%4); it is left out.</source>
        <translation>%1 “%2” có độ mật %3, cao hơn mức mật tối đa (%4); mục này bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name of %1 “%2” contains an invisible character %3, which can make the text after it read backwards.</source>
        <translation>Tên của %1 “%2” chứa một ký tự ẩn %3, có thể làm phần chữ phía sau nó hiển thị ngược.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 of %2 “%3” contains an invisible character %4, which can make it read backwards.</source>
        <translation>Mục %1 của %2 “%3” chứa một ký tự ẩn %4, có thể làm phần chữ này hiển thị ngược.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The title of the section “%1” contains an invisible character %2, which can make it read backwards.</source>
        <translation>Tên của phần “%1” chứa một ký tự ẩn %2, có thể làm phần chữ này hiển thị ngược.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Talking point “%1” is left out with its topic “%2”.</source>
        <translation>Nội dung trao đổi “%1” bị bỏ ra cùng chủ đề “%2” của nó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 “%2” is left out: it comes to this book only through meetings it leaves out.</source>
        <translation>%1 “%2” bị bỏ ra: mục này chỉ có trong sổ tay qua những cuộc gặp đã bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meeting “%1” is on %2, outside its event&apos;s dates (%3 to %4).</source>
        <translation>Cuộc gặp “%1” vào ngày %2, ngoài thời gian của sự kiện (%3 đến %4).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talking point “%1” is not cleared; it is left out.</source>
        <translation>Luận điểm “%1” chưa được duyệt; luận điểm này bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talking point “%1” is not cleared yet; it is marked as a draft.</source>
        <translation>Luận điểm “%1” chưa được duyệt; được đánh dấu là dự thảo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meeting “%1” has no talking points.</source>
        <translation>Cuộc gặp “%1” chưa có luận điểm nào.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The topic “%1” has no talking points or background to print; it is left out.</source>
        <translation>Chủ đề “%1” chưa có luận điểm hay thông tin nền nào để in; chủ đề này bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The section “%1” has nothing to show; it is left out.</source>
        <translation>Phần “%1” không có nội dung; phần này bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no photo.</source>
        <translation>%1 chưa có ảnh.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no position.</source>
        <translation>%1 chưa có chức vụ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An item chosen for this book no longer exists; it is left out. Choose again.</source>
        <translation>Một mục đã chọn cho tài liệu này không còn nữa; mục đó bị bỏ ra. Hãy chọn lại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 “%2” was in this book and has been deleted; it is left out. Edit → Undo, or &apos;briefbook undelete&apos; later, brings it back.</source>
        <translation>%1 “%2” từng có trong tài liệu này và đã bị xoá; mục này bị bỏ ra. Sửa → Hoàn tác, hoặc sau này lệnh &apos;briefbook undelete&apos;, sẽ khôi phục lại.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 “%2” belongs to another event (%3), not to this book&apos;s event. Is it meant to be here?</source>
        <translation>%1 “%2” thuộc một sự kiện khác (%3), không thuộc sự kiện của tài liệu này. Có đúng là cần đưa vào không?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Passages marked not for release are left out (for sharing).</source>
        <translation>Các đoạn được đánh dấu không được phát hành bị bỏ ra (bản để chia sẻ).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The book has no highest classification, so only what anyone may read is shown and it cannot be exported; choose its highest classification (%1).</source>
        <translation>Tài liệu chưa có mức mật tối đa, nên chỉ hiển thị nội dung ai cũng được đọc và chưa thể xuất; hãy chọn mức mật tối đa cho tài liệu (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The book&apos;s title names its event, which is above the ceiling; the title is left out.</source>
        <translation>Tiêu đề tài liệu nêu tên sự kiện, mà sự kiện có độ mật cao hơn mức mật tối đa; tiêu đề bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 “%2” is marked not for release; it is left out of this shareable copy.</source>
        <translation>%1 “%2” được đánh dấu không được phát hành; mục này bị bỏ ra khỏi bản để chia sẻ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left out of this shareable copy (not for release): %1 “%2”: “%3”.</source>
        <translation>Đã bỏ ra khỏi bản để chia sẻ (không được phát hành): %1 “%2”: “%3”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sensitivities of %1 are %2, above the ceiling (%3); they are left out.</source>
        <translation>Lưu ý nhạy cảm về %1 có độ mật %2, cao hơn mức mật tối đa (%3); phần này bị bỏ ra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The section “%1” is the book&apos;s own text, which every copy prints whatever its ceiling: this %2 copy holds it too (a passage marked [NFR] is left out of a copy for sharing).</source>
        <translation>Mục “%1” là phần chữ riêng của tài liệu, được in trong mọi bản dù mức mật tối đa là gì: bản %2 này cũng có mục đó (đoạn được đánh dấu [NFR] sẽ bị bỏ ra khỏi bản để chia sẻ).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No Chinese font is installed on this computer, so Chinese characters cannot be printed; install one (for example the Debian package %1).</source>
        <translation>Máy tính này chưa cài phông chữ tiếng Trung nên không in được chữ Hán; hãy cài một phông chữ (ví dụ gói Debian %1).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 “%2”, field “%3”, has characters no font of the book can print: %4. They will show as � in the files.</source>
        <translation>%1 “%2”, trường “%3”, có ký tự mà không phông chữ nào của tài liệu in được: %4. Các ký tự này sẽ hiện thành � trong tệp.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 “%2” has characters no font of the book can print: %3. They will show as � in the files.</source>
        <translation>%1 “%2” có ký tự mà không phông chữ nào của tài liệu in được: %3. Các ký tự này sẽ hiện thành � trong tệp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The book&apos;s own text has characters no font of the book can print: %1. They will show as � in the files.</source>
        <translation>Phần văn bản riêng của tài liệu có ký tự mà không phông chữ nào của tài liệu in được: %1. Các ký tự này sẽ hiện thành � trong tệp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 and %2 more</source>
        <translation>%1 và %2 ký tự khác</translation>
    </message>
</context>
<context>
    <name>PreflightList</name>
    <message>
        <location filename="../../briefbook/ui/composer/warnings.py" line="+106"/>
        <source>Click to open this item in its editor.</source>
        <translation>Nhấp để mở mục này trong trình soạn thảo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Before you export: no book chosen yet.</source>
        <translation>Cảnh báo trước khi xuất: chưa chọn tài liệu nào.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you export: the book could not be checked (the preview says why).</source>
        <translation>Cảnh báo trước khi xuất: chưa kiểm tra được tài liệu (xem lý do ở phần xem trước).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you export: checking…</source>
        <translation>Cảnh báo trước khi xuất: đang kiểm tra…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you export: nothing to check, the book is ready.</source>
        <translation>Cảnh báo trước khi xuất: không có gì cần xem lại, tài liệu đã sẵn sàng.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you export, check these (%1):</source>
        <translation>Cảnh báo trước khi xuất (%1):</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../briefbook/ui/composer/printing.py" line="+47"/>
        <source>Classification</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is classified %2. Hand the printed pages accordingly.</source>
        <translation>“%1” có độ mật %2. Hãy quản lý bản in theo đúng độ mật.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print “%1” — %2</source>
        <translation>In “%1” — %2</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+63"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Preparing “%1” for printing…</source>
        <translation>Đang chuẩn bị “%1” để in…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Printing “%1”…</source>
        <translation>Đang in “%1”…</translation>
    </message>
</context>
<context>
    <name>QuickJump</name>
    <message>
        <location filename="../../briefbook/ui/quick_jump.py" line="+56"/>
        <source>Go to… type a name (accents optional)</source>
        <translation>Đi đến… gõ tên (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑ ↓ to choose, Enter to open, Esc to close</source>
        <translation>↑ ↓ để chọn, Enter để mở, Esc để đóng</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../briefbook/ui/read_only.py" line="+25"/>
        <source>This library is read-only: changes cannot be saved.</source>
        <translation>Thư viện này chỉ cho phép đọc: không thể lưu thay đổi.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>BriefBook cannot write to this file. To work on it, copy it to a folder of your own and open the copy.</source>
        <translation>BriefBook không ghi được vào tệp này. Để làm việc với thư viện, hãy sao chép tệp vào một thư mục của bạn rồi mở bản sao đó.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../briefbook/ui/editors/editor.py" line="+104"/>
        <source>Editor: %1</source>
        <translation>Khung soạn: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change is saved as you make it; Tab moves from field to field, Ctrl+Z undoes.</source>
        <translation>Mọi thay đổi được lưu ngay khi bạn thực hiện; Tab để chuyển giữa các ô, Ctrl+Z để hoàn tác.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an item in the list to see and edit it here, or create a new one with Ctrl+N.</source>
        <translation>Chọn một mục trong danh sách để xem và sửa ở đây, hoặc tạo mục mới bằng Ctrl+N.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>changed %1</source>
        <translation>sửa lần cuối %1</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>%1 cannot be empty.</source>
        <translation>Không được để trống mục “%1”.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This change could not be saved because of a problem in BriefBook (details in %1).</source>
        <translation>Không lưu được thay đổi này do một lỗi trong BriefBook (chi tiết trong %1).</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../briefbook/ui/editors/form.py" line="+126"/>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the talking points of this topic</source>
        <translation>Xem các luận điểm của chủ đề này</translation>
    </message>
</context>
<context>
    <name>RefField</name>
    <message>
        <location filename="../../briefbook/ui/editors/pickers.py" line="+62"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose from the library</source>
        <translation>Chọn trong thư viện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Bỏ chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(no longer in the library)</source>
        <translation>(không còn trong thư viện)</translation>
    </message>
</context>
<context>
    <name>RefusedEdit</name>
    <message>
        <location filename="../../briefbook/ui/editors/refused_edit.py" line="+32"/>
        <source>What you typed: «%1».</source>
        <translation>Nội dung bạn đã gõ: «%1».</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your text is kept: History… shows it, and “Restore this version” brings it back.</source>
        <translation>Văn bản của bạn vẫn được giữ: Lịch sử… hiển thị nó, và “Khôi phục phiên bản này” đưa nó trở lại.</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <location filename="../../briefbook/ui/revisions.py" line="+49"/>
        <source>Earlier versions: %1</source>
        <translation>Các phiên bản trước: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restore this version</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Each version is the text as it was before a change, newest first. Restoring one keeps the current text as a version too.</source>
        <translation>Mỗi phiên bản là nội dung trước một lần sửa, mới nhất ở trên. Khi khôi phục, nội dung hiện tại cũng được lưu thành một phiên bản.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There are no earlier versions of this text yet.</source>
        <translation>Nội dung này chưa có phiên bản nào trước đây.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../briefbook/ui/search_view.py" line="+195"/>
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The arrow keys choose a result, Enter opens it; the Menu key or Shift+F10 shows more.</source>
        <translation>Phím mũi tên để chọn một kết quả, Enter để mở; phím Menu hoặc Shift+F10 để xem thêm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type in the search field above (Ctrl+F) to search the whole library.</source>
        <translation>Gõ vào ô tìm kiếm phía trên (Ctrl+F) để tìm trong toàn bộ thư viện.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searching for “%1”…</source>
        <translation>Đang tìm “%1”…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n kết quả cho “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <location filename="../../briefbook/ui/composer/texts.py" line="+45"/>
        <source>another event</source>
        <translation>sự kiện khác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no event</source>
        <translation>không thuộc sự kiện nào</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>above the ceiling</source>
        <translation>cao hơn mức mật tối đa</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/section_model.py" line="+172"/>
        <source>Tick to give this meeting a brief; drag to change the order.</source>
        <translation>Đánh dấu để có đề cương cho cuộc gặp này; kéo để đổi thứ tự.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick to include it in this section.</source>
        <translation>Đánh dấu để đưa vào phần này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It belongs to another event, not to this book&apos;s event.</source>
        <translation>Mục này thuộc một sự kiện khác, không thuộc sự kiện của tài liệu này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Above this book&apos;s highest classification: the book leaves it out (the preflight names it). Raise the book&apos;s highest classification to include it.</source>
        <translation>Cao hơn mức mật tối đa của sổ: sổ bỏ mục này ra (phần kiểm tra trước khi xuất có nêu tên). Hãy nâng mức mật tối đa của sổ để đưa mục này vào.</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/composer/section_edits.py" line="+37"/>
        <location line="+44"/>
        <source>Include “%1”</source>
        <translation>Đưa “%1” vào</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+44"/>
        <source>Leave out “%1”</source>
        <translation>Bỏ “%1” ra</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Rename “%1”</source>
        <translation>Đổi tên “%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Include the meeting “%1”</source>
        <translation>Đưa cuộc gặp “%1” vào</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave out the meeting “%1”</source>
        <translation>Bỏ cuộc gặp “%1” ra</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The cover stays the first section of the book: it cannot be moved, nor can a section go before it.</source>
        <translation>Trang bìa luôn là phần đầu tiên của sổ: không thể chuyển trang bìa, cũng không thể đặt phần nào lên trước nó.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move “%1”</source>
        <translation>Chuyển “%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move the meeting “%1”</source>
        <translation>Chuyển cuộc gặp “%1”</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../briefbook/ui/composer/section_kinds.py" line="+14"/>
        <source>Cover</source>
        <translation>Trang bìa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delegation and participants</source>
        <translation>Thành phần đoàn và đại biểu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives and scene-setter</source>
        <translation>Mục tiêu và bối cảnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting briefs</source>
        <translation>Đề cương các cuộc gặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic briefs</source>
        <translation>Đề cương theo chủ đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annex: prior statements</source>
        <translation>Phụ lục: phát biểu trước đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annex: biographies</source>
        <translation>Phụ lục: tiểu sử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free text</source>
        <translation>Văn bản tự soạn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cover page: title, event, place and dates, classification, recipient, copy number.</source>
        <translation>Trang bìa: tiêu đề, sự kiện, địa điểm và thời gian, độ mật, nơi nhận, số bản.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The table of contents, with page numbers in the PDF.</source>
        <translation>Mục lục, có số trang trong tệp PDF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A table of the event&apos;s sessions and meetings.</source>
        <translation>Bảng các phiên họp và cuộc gặp của sự kiện.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our delegation and the other participants the meetings list.</source>
        <translation>Thành phần đoàn ta và các đại biểu khác có tên trong các cuộc gặp.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The event&apos;s scene-setter and objectives.</source>
        <translation>Bối cảnh và mục tiêu của sự kiện.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One brief per meeting. Tick the meetings to include and drag them into order; select a meeting to choose its talking points and statements.</source>
        <translation>Mỗi cuộc gặp một đề cương. Đánh dấu các cuộc gặp cần đưa vào và kéo để sắp xếp; chọn một cuộc gặp để chọn luận điểm và phát biểu của cuộc gặp đó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Briefs on the topics raised in this event&apos;s meetings. Tick the topics to include; add one from the library with the button below.</source>
        <translation>Đề cương về các chủ đề được nêu trong các cuộc gặp của sự kiện này. Đánh dấu các chủ đề cần đưa vào; thêm chủ đề khác từ thư viện bằng nút bên dưới.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prior statements on this event&apos;s topics or by its people, grouped by topic, newest first. Tick the statements to include.</source>
        <translation>Các phát biểu trước đây về các chủ đề của sự kiện này hoặc của những người tham dự, theo chủ đề, mới nhất trước. Đánh dấu các phát biểu cần đưa vào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Biographies of our delegation and of everyone taking part in this event&apos;s meetings. Tick the people to include.</source>
        <translation>Tiểu sử thành viên đoàn ta và những người tham dự các cuộc gặp của sự kiện này. Đánh dấu những người cần đưa vào.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A section with your own text.</source>
        <translation>Một phần với văn bản do bạn tự soạn.</translation>
    </message>
</context>
<context>
    <name>SectionsPanel</name>
    <message>
        <location filename="../../briefbook/ui/composer/sections_panel.py" line="+111"/>
        <source>&amp;Add</source>
        <translation>Thêm &amp;phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a section: your own text, or a standard section</source>
        <translation>Thêm một phần: văn bản tự soạn hoặc một phần tiêu chuẩn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Gỡ &amp;bỏ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected section from the book (Undo brings it back)</source>
        <translation>Gỡ phần đang chọn khỏi tài liệu (Hoàn tác để lấy lại)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selection up (Alt+Up)</source>
        <translation>Chuyển mục đang chọn lên trên (Alt+Up)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Secti&amp;ons (tick to include, drag to reorder, F2 to rename)</source>
        <translation>&amp;Các phần (đánh dấu để đưa vào, kéo để sắp xếp, F2 để đổi tên)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move &amp;down</source>
        <translation>Chu&amp;yển xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selection down (Alt+Down)</source>
        <translation>Chuyển mục đang chọn xuống dưới (Alt+Down)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;item…</source>
        <translation>Đưa mục &amp;vào…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a topic, statement or person from the whole library to the selected section</source>
        <translation>Thêm một chủ đề, phát biểu hoặc người từ toàn bộ thư viện vào phần đang chọn</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Add the section “%1”</source>
        <translation>Thêm phần “%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove the section “%1”</source>
        <translation>Gỡ phần “%1”</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Open “%1”</source>
        <translation>&amp;Mở “%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In&amp;clude</source>
        <translation>Đưa và&amp;o</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re&amp;name</source>
        <translation>Đổi tê&amp;n</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add section</source>
        <translation>&amp;Thêm phần</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Text section…</source>
        <translation>Phần &amp;văn bản tự soạn…</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../briefbook/ui/sidebar.py" line="+55"/>
        <source>Events; under each event, its meetings</source>
        <translation>Các sự kiện; dưới mỗi sự kiện là các cuộc gặp của sự kiện đó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All talking points; under each topic, its own in order</source>
        <translation>Tất cả luận điểm; dưới mỗi chủ đề là các luận điểm của chủ đề đó theo thứ tự</translation>
    </message>
</context>
<context>
    <name>TextSectionDialog</name>
    <message>
        <location filename="../../briefbook/ui/composer/text_section.py" line="-110"/>
        <source>New text section</source>
        <translation>Phần văn bản mới</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+60"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tiêu đề:</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+59"/>
        <source>Te&amp;xt:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>&amp;Add section</source>
        <translation>Thê&amp;m phần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A section needs a title</source>
        <translation>Mỗi phần cần có tiêu đề</translation>
    </message>
</context>
<context>
    <name>TopicLinksPanel</name>
    <message>
        <location filename="../../briefbook/ui/editors/links.py" line="+98"/>
        <source>Topics to raise</source>
        <translation>Chủ đề cần nêu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topics</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add topic…</source>
        <translation>Thêm chủ đề…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Bỏ ra</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../briefbook/ui/undo.py" line="+113"/>
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/undo_items.py" line="+28"/>
        <source>New %1</source>
        <translation>Thêm %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete %1</source>
        <translation>Xoá %1</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/undo_links.py" line="+30"/>
        <source>Add participant</source>
        <translation>Thêm người tham dự</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Remove participant</source>
        <translation>Bỏ người tham dự</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Link topic</source>
        <translation>Gắn chủ đề</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink topic</source>
        <translation>Bỏ gắn chủ đề</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reorder talking points</source>
        <translation>Sắp xếp lại luận điểm</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/undo.py" line="+59"/>
        <source>Restore earlier version of %1</source>
        <translation>Khôi phục phiên bản trước của %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change photo</source>
        <translation>Đổi ảnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove photo</source>
        <translation>Xoá ảnh</translation>
    </message>
    <message>
        <location filename="../../briefbook/ui/undo_items.py" line="+21"/>
        <source>Duplicate %1</source>
        <translation>Nhân bản %1</translation>
    </message>
</context>
<context>
    <name>UpgradeProgress</name>
    <message>
        <location filename="../../briefbook/ui/upgrade_progress.py" line="+50"/>
        <source>First, a copy of it is saved in its backups folder.</source>
        <translation>Trước hết, một bản sao của thư viện được lưu vào thư mục sao lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bringing its search index up to date.</source>
        <translation>Đang cập nhật chỉ mục tìm kiếm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2.</source>
        <translation>Bước %1/%2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Updating your library to this version of BriefBook…</source>
        <translation>Đang cập nhật thư viện của bạn cho phiên bản BriefBook này…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This takes a moment with a big library, once. Please keep BriefBook open until it is done.</source>
        <translation>Với thư viện lớn, việc này mất một lúc, và chỉ một lần. Xin để BriefBook mở cho đến khi xong.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../briefbook/ui/window_actions.py" line="+113"/>
        <source>(no recent libraries)</source>
        <translation>(chưa mở thư viện nào gần đây)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear this list</source>
        <translation>&amp;Xoá danh sách này</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Library: %1</source>
        <translation>Thư viện: %1</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../briefbook/ui/workers.py" line="+43"/>
        <source>BriefBook ran into an unexpected problem and could not finish the export. Your library is safe.

The details were written to %1.</source>
        <translation>BriefBook gặp một sự cố ngoài dự kiến và chưa xuất xong. Thư viện của bạn vẫn an toàn.

Thông tin chi tiết đã được ghi vào %1.</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <location filename="../../briefbook/ui/editors/links.py" line="-193"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a &amp;link to the item</source>
        <translation>Sao chép &amp;liên kết đến mục này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove from this list</source>
        <translation>&amp;Bỏ khỏi danh sách này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the menu of the item</source>
        <translation>Hiện trình đơn của mục</translation>
    </message>
</context>
</TS>
