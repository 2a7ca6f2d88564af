<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>AccountsFeature</name>
        <message>
            <source>&amp;Account</source>
            <translation>&amp;Akun</translation>
        </message>
        <message>
            <source>Switch operator…</source>
            <translation>Ganti operator…</translation>
        </message>
        <message>
            <source>Lock the console</source>
            <translation>Kunci konsol</translation>
        </message>
        <message>
            <source>Change password…</source>
            <translation>Ubah kata sandi…</translation>
        </message>
        <message>
            <source>Accounts…</source>
            <translation>Akun pengguna…</translation>
        </message>
        <message>
            <source>Administration…</source>
            <translation>Administrasi…</translation>
        </message>
        <message>
            <source>Audit trail…</source>
            <translation>Jejak audit…</translation>
        </message>
    </context>
    <context>
        <name>AdminDialog</name>
        <message>
            <source>Administration</source>
            <translation>Administrasi</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Agencies</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Shifts</source>
            <translation>Sif</translation>
        </message>
        <message>
            <source>Thresholds and targets</source>
            <translation>Ambang dan target</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ya</translation>
        </message>
        <message>
            <source>no</source>
            <translation>tidak</translation>
        </message>
        <message>
            <source>Call sign</source>
            <translation>Kode panggil</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>Pos</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Koordinat</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Pick on map</source>
            <translation>Pilih di peta</translation>
        </message>
        <message>
            <source>Base coordinates</source>
            <translation>Koordinat pos</translation>
        </message>
        <message>
            <source>New unit</source>
            <translation>Unit baru</translation>
        </message>
        <message>
            <source>Save unit</source>
            <translation>Simpan unit</translation>
        </message>
        <message>
            <source>Click the unit's base on the map.</source>
            <translation>Klik lokasi pos unit di peta.</translation>
        </message>
        <message>
            <source>Unit saved</source>
            <translation>Unit disimpan</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>Nama singkat</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>none</source>
            <translation>tidak ada</translation>
        </message>
        <message>
            <source>Notification channel</source>
            <translation>Kanal notifikasi</translation>
        </message>
        <message>
            <source>Channel URL</source>
            <translation>URL kanal</translation>
        </message>
        <message>
            <source>Chat / target</source>
            <translation>Chat / tujuan</translation>
        </message>
        <message>
            <source>Save agency</source>
            <translation>Simpan instansi</translation>
        </message>
        <message>
            <source>Agency saved</source>
            <translation>Instansi disimpan</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>Sensitif</translation>
        </message>
        <message>
            <source>Sensitive (personal data of victims or children)</source>
            <translation>Sensitif (data pribadi korban atau anak)</translation>
        </message>
        <message>
            <source>Indonesian label</source>
            <translation>Label bahasa Indonesia</translation>
        </message>
        <message>
            <source>English label</source>
            <translation>Label bahasa Inggris</translation>
        </message>
        <message>
            <source>Default priority</source>
            <translation>Prioritas bawaan</translation>
        </message>
        <message>
            <source>Save category</source>
            <translation>Simpan kategori</translation>
        </message>
        <message>
            <source>Category saved</source>
            <translation>Kategori disimpan</translation>
        </message>
        <message>
            <source>Start (WIB, HH:MM)</source>
            <translation>Mulai (WIB, JJ:MM)</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Jam</translation>
        </message>
        <message>
            <source>Add shift</source>
            <translation>Tambah sif</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Hapus yang dipilih</translation>
        </message>
        <message>
            <source>Save schedule</source>
            <translation>Simpan jadwal</translation>
        </message>
        <message>
            <source>The shifts must cover the 24 hours without gaps or overlaps.</source>
            <translation>Sif harus mencakup 24 jam tanpa celah atau tumpang tindih.</translation>
        </message>
        <message>
            <source>Shift schedule saved</source>
            <translation>Jadwal sif disimpan</translation>
        </message>
        <message>
            <source>Prank calls a day before a 1-day block</source>
            <translation>Panggilan iseng per hari sebelum blokir 1 hari</translation>
        </message>
        <message>
            <source>Prank calls in total before a permanent block</source>
            <translation>Total panggilan iseng sebelum blokir permanen</translation>
        </message>
        <message>
            <source>Alert when priority 1 waits for dispatch (s)</source>
            <translation>Peringatan bila prioritas 1 menunggu dispatch (detik)</translation>
        </message>
        <message>
            <source>Duplicate search radius (m)</source>
            <translation>Radius pencarian duplikat (m)</translation>
        </message>
        <message>
            <source>Duplicate search window (min)</source>
            <translation>Rentang waktu pencarian duplikat (menit)</translation>
        </message>
        <message>
            <source>Lock the console after idle minutes (0: never)</source>
            <translation>Kunci konsol setelah menganggur (menit, 0: tidak pernah)</translation>
        </message>
        <message>
            <source>Target: calls answered within 15 s (%)</source>
            <translation>Target: panggilan dijawab dalam 15 detik (%)</translation>
        </message>
        <message>
            <source>Target: calls answered within 20 s (%)</source>
            <translation>Target: panggilan dijawab dalam 20 detik (%)</translation>
        </message>
        <message>
            <source>Target: P1 dispatched within 60 s (%)</source>
            <translation>Target: P1 dikirim dalam 60 detik (%)</translation>
        </message>
        <message>
            <source>Save settings</source>
            <translation>Simpan pengaturan</translation>
        </message>
        <message>
            <source>Settings saved; some take effect at the next start</source>
            <translation>Pengaturan disimpan; sebagian berlaku saat aplikasi dibuka kembali</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit trail</source>
            <translation>Jejak audit</translation>
        </message>
        <message>
            <source>Incident number</source>
            <translation>Nomor kejadian</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Dari</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Cari</translation>
        </message>
        <message>
            <source>Verify the chain</source>
            <translation>Periksa rantai</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Pengguna</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Meja kerja</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Tindakan</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>Objek</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>Sebelum → sesudah</translation>
        </message>
        <message>
            <source>Audit trail intact: {count} entries verified.</source>
            <translation>Jejak audit utuh: {count} entri diperiksa.</translation>
        </message>
        <message>
            <source>Audit trail BROKEN at entry {id}: it was changed or removed after it was written.</source>
            <translation>Jejak audit RUSAK pada entri {id}: entri diubah atau dihapus setelah ditulis.</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Answer times (s)</source>
            <translation>Waktu jawab (detik)</translation>
        </message>
        <message>
            <source>Incidents by category</source>
            <translation>Kejadian per kategori</translation>
        </message>
        <message>
            <source>Calls per hour of the shift</source>
            <translation>Panggilan per jam sif</translation>
        </message>
        <message>
            <source>Response times (min)</source>
            <translation>Waktu tanggap (menit)</translation>
        </message>
        <message>
            <source>{a} compared with {b}</source>
            <translation>{a} dibandingkan dengan {b}</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Selisih</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>Tidak ada data</translation>
        </message>
        <message>
            <source>hour {n}</source>
            <translation>jam ke-{n}</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Kelurahan</source>
            <translation>Kelurahan</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Changed on another workstation</source>
            <translation>Diubah di meja kerja lain</translation>
        </message>
        <message>
            <source>Incident &lt;b&gt;{number}&lt;/b&gt; was changed on another workstation after you opened it. Your change was &lt;b&gt;not&lt;/b&gt; saved.</source>
            <translation>Kejadian &lt;b&gt;{number}&lt;/b&gt; diubah di meja kerja lain setelah Anda membukanya. Perubahan Anda &lt;b&gt;belum&lt;/b&gt; disimpan.</translation>
        </message>
        <message>
            <source>Your change: {change}</source>
            <translation>Perubahan Anda: {change}</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Isian</translation>
        </message>
        <message>
            <source>You saw</source>
            <translation>Yang Anda lihat</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Sekarang</translation>
        </message>
        <message>
            <source>Notes or timeline only</source>
            <translation>Hanya catatan atau riwayat</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Kegiatan</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Oleh</translation>
        </message>
        <message>
            <source>Apply my change again</source>
            <translation>Terapkan lagi perubahan saya</translation>
        </message>
        <message>
            <source>Keep their version</source>
            <translation>Pertahankan versi mereka</translation>
        </message>
        <message>
            <source>What changed:</source>
            <translation>Yang berubah:</translation>
        </message>
        <message>
            <source>Done on the other workstation:</source>
            <translation>Dilakukan di meja kerja lain:</translation>
        </message>
    </context>
    <context>
        <name>DashboardPanel</name>
        <message>
            <source>Computing…</source>
            <translation>Menghitung…</translation>
        </message>
        <message>
            <source>Updated {time} WIB</source>
            <translation>Diperbarui {time} WIB</translation>
        </message>
        <message>
            <source>Period {label}</source>
            <translation>Periode {label}</translation>
        </message>
        <message>
            <source>Shift {name}</source>
            <translation>Sif {name}</translation>
        </message>
        <message>
            <source>LIVE</source>
            <translation>LANGSUNG</translation>
        </message>
        <message>
            <source>Not updated: {error}</source>
            <translation>Tidak diperbarui: {error}</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Calls</source>
            <translation>Panggilan</translation>
        </message>
        <message>
            <source>Prank calls</source>
            <translation>Panggilan iseng</translation>
        </message>
        <message>
            <source>Abandoned (dropped)</source>
            <translation>Terputus sebelum dilayani</translation>
        </message>
        <message>
            <source>Answered ≤ 15 s</source>
            <translation>Dijawab ≤ 15 detik</translation>
        </message>
        <message>
            <source>Answered ≤ 20 s</source>
            <translation>Dijawab ≤ 20 detik</translation>
        </message>
        <message>
            <source>Answer time</source>
            <translation>Waktu jawab</translation>
        </message>
        <message>
            <source>P1 dispatched ≤ 60 s</source>
            <translation>P1 dikirim ≤ 60 detik</translation>
        </message>
        <message>
            <source>Response time</source>
            <translation>Waktu tanggap</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Open incidents</source>
            <translation>Kejadian aktif</translation>
        </message>
        <message>
            <source>Calls per hour by outcome</source>
            <translation>Panggilan per jam menurut hasil</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Jumlah</translation>
        </message>
        <message>
            <source>Incidents by category</source>
            <translation>Kejadian per kategori</translation>
        </message>
        <message>
            <source>Incidents by kecamatan</source>
            <translation>Kejadian per kecamatan</translation>
        </message>
        <message>
            <source>Answer times (s)</source>
            <translation>Waktu jawab (detik)</translation>
        </message>
        <message>
            <source>calls</source>
            <translation>panggilan</translation>
        </message>
        <message>
            <source>Response times (min)</source>
            <translation>Waktu tanggap (menit)</translation>
        </message>
        <message>
            <source>incidents</source>
            <translation>kejadian</translation>
        </message>
        <message>
            <source>No data in this period</source>
            <translation>Tidak ada data pada periode ini</translation>
        </message>
        <message>
            <source>Calls per day by outcome</source>
            <translation>Panggilan per hari menurut hasil</translation>
        </message>
        <message>
            <source>Calls per week by outcome</source>
            <translation>Panggilan per minggu menurut hasil</translation>
        </message>
        <message>
            <source>(no kecamatan)</source>
            <translation>(tanpa kecamatan)</translation>
        </message>
        <message>
            <source>15 s</source>
            <translation>15 dtk</translation>
        </message>
        <message>
            <source>20 s</source>
            <translation>20 dtk</translation>
        </message>
        <message>
            <source>median</source>
            <translation>median</translation>
        </message>
        <message>
            <source>p90</source>
            <translation>p90</translation>
        </message>
        <message>
            <source>valid {v} · prank {p} · silent {s}</source>
            <translation>valid {v} · iseng {p} · diam {s}</translation>
        </message>
        <message>
            <source>of all calls</source>
            <translation>dari seluruh panggilan</translation>
        </message>
        <message>
            <source>{n} dropped before a word</source>
            <translation>{n} terputus sebelum bicara</translation>
        </message>
        <message>
            <source>target ≥ {v:g} %</source>
            <translation>target ≥ {v:g} %</translation>
        </message>
        <message>
            <source>median / p90 · target p90 ≤ {v:g} s</source>
            <translation>median / p90 · target p90 ≤ {v:g} detik</translation>
        </message>
        <message>
            <source>median · p90 {p90}</source>
            <translation>median · p90 {p90}</translation>
        </message>
        <message>
            <source>{n} with priority 1</source>
            <translation>{n} prioritas 1</translation>
        </message>
        <message>
            <source>open now</source>
            <translation>terbuka saat ini</translation>
        </message>
        <message>
            <source>open at the end of the period</source>
            <translation>terbuka di akhir periode</translation>
        </message>
    </context>
    <context>
        <name>DatabaseOpener</name>
        <message>
            <source>Cannot open the database</source>
            <translation>Basis data tidak dapat dibuka</translation>
        </message>
        <message>
            <source>Check the network and the database server, then try again.</source>
            <translation>Periksa jaringan dan server basis data, lalu coba lagi.</translation>
        </message>
    </context>
    <context>
        <name>DeliveryState</name>
        <message>
            <source>Queued</source>
            <translation>Dalam antrean</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Sedang dikirim…</translation>
        </message>
        <message>
            <source>Retrying at {time}</source>
            <translation>Dicoba lagi pukul {time}</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Terkirim</translation>
        </message>
        <message>
            <source>Failed: call the unit</source>
            <translation>Gagal: hubungi unit langsung</translation>
        </message>
        <message>
            <source>No channel: call the unit</source>
            <translation>Tanpa kanal: hubungi unit langsung</translation>
        </message>
        <message>
            <source>(may arrive twice)</source>
            <translation>(mungkin diterima dua kali)</translation>
        </message>
    </context>
    <context>
        <name>DeliveryStateWidget</name>
        <message>
            <source>Agency</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Percobaan</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Terkirim pukul</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>No message was sent for this incident.</source>
            <translation>Belum ada pesan yang dikirim untuk kejadian ini.</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Kirim ulang</translation>
        </message>
        <message>
            <source>Queue the message again once the channel is fixed</source>
            <translation>Antrekan pesan lagi setelah kanal diperbaiki</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <source>Dispatch units to {number}</source>
            <translation>Kirim unit ke {number}</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>Jarak</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Space ticks a unit; Enter dispatches the ticked units. Recommended units (agencies of the category, nearest first) are bold.</source>
            <translation>Spasi mencentang unit; Enter mengirim unit yang dicentang. Unit yang disarankan (instansi sesuai kategori, terdekat lebih dulu) dicetak tebal.</translation>
        </message>
        <message>
            <source>Dispatch</source>
            <translation>Kirim</translation>
        </message>
    </context>
    <context>
        <name>EidoExportDialog</name>
        <message>
            <source>Export EIDO</source>
            <translation>Ekspor EIDO</translation>
        </message>
        <message>
            <source>One incident</source>
            <translation>Satu kejadian</translation>
        </message>
        <message>
            <source>Every incident of a period</source>
            <translation>Semua kejadian dalam satu periode</translation>
        </message>
        <message>
            <source>File (one incident) or folder (a period)</source>
            <translation>Berkas (satu kejadian) atau folder (satu periode)</translation>
        </message>
        <message>
            <source>NENA Emergency Incident Data Object (NENA-STA-021), JSON. Every document is checked against the EIDO schema before it is written.</source>
            <translation>NENA Emergency Incident Data Object (NENA-STA-021), JSON. Setiap dokumen diperiksa terhadap skema EIDO sebelum disimpan.</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Simpan ke</translation>
        </message>
        <message>
            <source>Choose where to save first.</source>
            <translation>Pilih lokasi penyimpanan terlebih dahulu.</translation>
        </message>
        <message>
            <source>EIDO of {number} written to {path}.</source>
            <translation>EIDO kejadian {number} tersimpan di {path}.</translation>
        </message>
        <message>
            <source>{count} EIDO documents written to {path}.</source>
            <translation>{count} dokumen EIDO tersimpan di {path}.</translation>
        </message>
    </context>
    <context>
        <name>EidoImportDialog</name>
        <message>
            <source>Import EIDO</source>
            <translation>Impor EIDO</translation>
        </message>
        <message>
            <source>EIDO document (.json)</source>
            <translation>Dokumen EIDO (.json)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Impor</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>An incident from another center or system as a NENA EIDO document. It is checked against the EIDO schema; an incident already here is not changed.</source>
            <translation>Kejadian dari command center atau sistem lain dalam bentuk dokumen NENA EIDO. Dokumen diperiksa terhadap skema EIDO; kejadian yang sudah ada di sini tidak diubah.</translation>
        </message>
        <message>
            <source>EIDO documents (*.json);;All files (*)</source>
            <translation>Dokumen EIDO (*.json);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Checking against the EIDO schema…</source>
            <translation>Memeriksa terhadap skema EIDO…</translation>
        </message>
        <message>
            <source>This incident is already here as {number}: nothing to import.</source>
            <translation>Kejadian ini sudah ada sebagai {number}: tidak ada yang perlu diimpor.</translation>
        </message>
        <message>
            <source>Valid EIDO document: one incident with {calls} calls and {units} units ({id}).</source>
            <translation>Dokumen EIDO valid: satu kejadian dengan {calls} panggilan dan {units} unit ({id}).</translation>
        </message>
        <message>
            <source>Imported as incident {number}.</source>
            <translation>Berhasil diimpor sebagai kejadian {number}.</translation>
        </message>
        <message>
            <source>Note: {text}</source>
            <translation>Catatan: {text}</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>({lat:.5f}, {lon:.5f}) is outside Kota Serang</source>
            <translation>({lat:.5f}, {lon:.5f}) berada di luar Kota Serang</translation>
        </message>
        <message>
            <source>--to is required with --from</source>
            <translation>--to wajib diisi bersama --from</translation>
        </message>
        <message>
            <source>A shift schedule needs at least one shift</source>
            <translation>Jadwal sif memerlukan paling sedikit satu sif</translation>
        </message>
        <message>
            <source>An incident cannot be merged into itself</source>
            <translation>Kejadian tidak dapat digabungkan dengan dirinya sendiri</translation>
        </message>
        <message>
            <source>Bad date in shift {key}</source>
            <translation>Tanggal pada sif {key} tidak valid</translation>
        </message>
        <message>
            <source>Bad shift name {name}</source>
            <translation>Nama sif {name} tidak valid</translation>
        </message>
        <message>
            <source>Bad shift {key}: expected YYYY-MM-DD/&lt;name&gt;</source>
            <translation>Sif {key} tidak valid: gunakan format YYYY-MM-DD/&lt;nama&gt;</translation>
        </message>
        <message>
            <source>Bad times for shift {name}</source>
            <translation>Jam sif {name} tidak valid</translation>
        </message>
        <message>
            <source>Caller number is too long</source>
            <translation>Nomor penelepon terlalu panjang</translation>
        </message>
        <message>
            <source>Cannot create the data directory {path}: {reason}</source>
            <translation>Direktori data {path} tidak dapat dibuat: {reason}</translation>
        </message>
        <message>
            <source>Cannot open the database {url}: {reason}</source>
            <translation>Basis data {url} tidak dapat dibuka: {reason}</translation>
        </message>
        <message>
            <source>Choose a category</source>
            <translation>Pilih kategori</translation>
        </message>
        <message>
            <source>Choose at least one unit</source>
            <translation>Pilih paling sedikit satu unit</translation>
        </message>
        <message>
            <source>Coordinates out of range</source>
            <translation>Koordinat di luar jangkauan</translation>
        </message>
        <message>
            <source>Fields cannot be edited: {fields}</source>
            <translation>Kolom tidak dapat diubah: {fields}</translation>
        </message>
        <message>
            <source>Give a kecamatan, coordinates or an address</source>
            <translation>Isi kecamatan, koordinat, atau alamat</translation>
        </message>
        <message>
            <source>Give both latitude and longitude</source>
            <translation>Isi lintang dan bujur sekaligus</translation>
        </message>
        <message>
            <source>Incident {id} does not exist</source>
            <translation>Kejadian {id} tidak ditemukan</translation>
        </message>
        <message>
            <source>Incident {number} is not open</source>
            <translation>Kejadian {number} tidak sedang terbuka</translation>
        </message>
        <message>
            <source>Incident {number} was changed by someone else; reload and try again</source>
            <translation>Kejadian {number} telah diubah oleh operator lain; muat ulang lalu coba lagi</translation>
        </message>
        <message>
            <source>Kelurahan {kelurahan} is not in the chosen kecamatan</source>
            <translation>Kelurahan {kelurahan} tidak berada di kecamatan yang dipilih</translation>
        </message>
        <message>
            <source>No shift covers {time}</source>
            <translation>Tidak ada sif yang mencakup pukul {time}</translation>
        </message>
        <message>
            <source>Not a database URL: {url}</source>
            <translation>Bukan URL basis data: {url}</translation>
        </message>
        <message>
            <source>Not a phone number: {number}</source>
            <translation>Bukan nomor telepon: {number}</translation>
        </message>
        <message>
            <source>Not a valid phone number: {number}</source>
            <translation>Nomor telepon tidak valid: {number}</translation>
        </message>
        <message>
            <source>Priority must be 1 to 4</source>
            <translation>Prioritas harus 1 sampai 4</translation>
        </message>
        <message>
            <source>Shift names must be unique</source>
            <translation>Nama sif harus unik</translation>
        </message>
        <message>
            <source>Shifts overlap at {time}</source>
            <translation>Sif saling tumpang tindih pada pukul {time}</translation>
        </message>
        <message>
            <source>Status change {current} -&gt; {target} is not allowed</source>
            <translation>Perubahan status {current} → {target} tidak diizinkan</translation>
        </message>
        <message>
            <source>The call was answered before it rang</source>
            <translation>Waktu jawab lebih awal daripada waktu dering</translation>
        </message>
        <message>
            <source>The coordinates are in Kecamatan {found}, not in the chosen kecamatan</source>
            <translation>Koordinat berada di Kecamatan {found}, bukan di kecamatan yang dipilih</translation>
        </message>
        <message>
            <source>The database needs an upgrade: run siaga-console db upgrade</source>
            <translation>Basis data perlu diperbarui: jalankan siaga-console db upgrade</translation>
        </message>
        <message>
            <source>The database {url} is damaged or not a database: {reason}</source>
            <translation>Basis data {url} rusak atau bukan basis data: {reason}</translation>
        </message>
        <message>
            <source>The database {url} refused the password of {user}: {reason}</source>
            <translation>Basis data {url} menolak kata sandi {user}: {reason}</translation>
        </message>
        <message>
            <source>The end of the period is not after its start</source>
            <translation>Akhir periode tidak setelah awal periode</translation>
        </message>
        <message>
            <source>The note is empty</source>
            <translation>Catatan masih kosong</translation>
        </message>
        <message>
            <source>This database has tables that are not Siaga Console's</source>
            <translation>Basis data ini berisi tabel yang bukan milik Siaga Console</translation>
        </message>
        <message>
            <source>This database was written by a newer version of Siaga Console; update the console before opening it</source>
            <translation>Basis data ini dibuat oleh versi Siaga Console yang lebih baru; perbarui aplikasi sebelum membukanya</translation>
        </message>
        <message>
            <source>Unit {id} does not exist</source>
            <translation>Unit {id} tidak ditemukan</translation>
        </message>
        <message>
            <source>Unit {unit} has no incident</source>
            <translation>Unit {unit} tidak sedang menangani kejadian</translation>
        </message>
        <message>
            <source>Unit {unit} is not available ({status})</source>
            <translation>Unit {unit} tidak tersedia ({status})</translation>
        </message>
        <message>
            <source>Unit {unit} was changed by someone else; reload and try again</source>
            <translation>Unit {unit} telah diubah oleh operator lain; muat ulang lalu coba lagi</translation>
        </message>
        <message>
            <source>Unknown category {code}</source>
            <translation>Kategori {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown kecamatan {code}</source>
            <translation>Kecamatan {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown kelurahan {code}</source>
            <translation>Kelurahan {code} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown shift {name}</source>
            <translation>Sif {name} tidak dikenal</translation>
        </message>
        <message>
            <source>Unsupported database driver in {url}</source>
            <translation>Driver basis data pada {url} tidak didukung</translation>
        </message>
        <message>
            <source>Unsupported database {backend}: use sqlite:/// or postgresql+psycopg://</source>
            <translation>Basis data {backend} tidak didukung: gunakan sqlite:/// atau postgresql+psycopg://</translation>
        </message>
        <message>
            <source>Use the incident form for outcome {outcome}</source>
            <translation>Gunakan formulir kejadian untuk hasil {outcome}</translation>
        </message>
        <message>
            <source>{count} problems in the form</source>
            <translation>Ada {count} masalah pada formulir</translation>
        </message>
        <message>
            <source>{field} is too long ({length} characters, at most {limit})</source>
            <translation>{field} terlalu panjang ({length} karakter, paling banyak {limit})</translation>
        </message>
        <message>
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <source>{user} ({role}) may not {action}</source>
            <translation>{user} ({role}) tidak berwenang: {action}</translation>
        </message>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Kesalahan tak terduga: {error}</translation>
        </message>
        <message>
            <source>Call sign {sign} is already used</source>
            <translation>Kode panggil {sign} sudah dipakai</translation>
        </message>
        <message>
            <source>Codes are 2 to 32 lowercase letters, digits or underscores</source>
            <translation>Kode terdiri atas 2 sampai 32 huruf kecil, angka, atau garis bawah</translation>
        </message>
        <message>
            <source>Unknown agency {code}</source>
            <translation>Instansi {code} tidak dikenal</translation>
        </message>
        <message>
            <source>{field} is required</source>
            <translation>{field} wajib diisi</translation>
        </message>
        <message>
            <source>The channel URL must start with http:// or https://</source>
            <translation>URL kanal harus diawali http:// atau https://</translation>
        </message>
        <message>
            <source>Give a display name of at most 128 characters</source>
            <translation>Isi nama tampilan paling banyak 128 karakter</translation>
        </message>
        <message>
            <source>No terminal to ask for the password: use --password-stdin</source>
            <translation>Tidak ada terminal untuk meminta kata sandi: gunakan --password-stdin</translation>
        </message>
        <message>
            <source>The password is too long</source>
            <translation>Kata sandi terlalu panjang</translation>
        </message>
        <message>
            <source>The password must not contain the user name</source>
            <translation>Kata sandi tidak boleh memuat nama pengguna</translation>
        </message>
        <message>
            <source>The password needs at least {min} characters</source>
            <translation>Kata sandi paling sedikit {min} karakter</translation>
        </message>
        <message>
            <source>The two passwords differ</source>
            <translation>Kedua kata sandi tidak sama</translation>
        </message>
        <message>
            <source>User names are 3 to 32 lowercase letters, digits, dots, dashes or underscores</source>
            <translation>Nama pengguna terdiri atas 3 sampai 32 huruf kecil, angka, titik, tanda hubung, atau garis bawah</translation>
        </message>
        <message>
            <source>User {id} does not exist</source>
            <translation>Pengguna {id} tidak ditemukan</translation>
        </message>
        <message>
            <source>User {username} already exists</source>
            <translation>Pengguna {username} sudah ada</translation>
        </message>
        <message>
            <source>You cannot disable your own account</source>
            <translation>Anda tidak dapat menonaktifkan akun sendiri</translation>
        </message>
        <message>
            <source>Wrong user name or password</source>
            <translation>Nama pengguna atau kata sandi salah</translation>
        </message>
        <message>
            <source>Too many failed logins: the account is locked until {time}</source>
            <translation>Terlalu banyak percobaan masuk yang gagal: akun dikunci sampai {time}</translation>
        </message>
        <message>
            <source>Give --pdf, --csv or --xlsx</source>
            <translation>Isi --pdf, --csv, atau --xlsx</translation>
        </message>
        <message>
            <source>No such folder: {path}</source>
            <translation>Folder {path} tidak ditemukan</translation>
        </message>
        <message>
            <source>An earlier change to incident {number} was not applied; check it and try again</source>
            <translation>Perubahan sebelumnya pada kejadian {number} tidak diterapkan; periksa lalu coba lagi</translation>
        </message>
        <message>
            <source>The database cannot be reached and incident {id} is not on screen</source>
            <translation>Basis data tidak dapat dijangkau dan kejadian {id} tidak sedang ditampilkan</translation>
        </message>
        <message>
            <source>An earlier change to unit {unit} was not applied; check it and try again</source>
            <translation>Perubahan sebelumnya pada unit {unit} tidak diterapkan; periksa lalu coba lagi</translation>
        </message>
        <message>
            <source>The database cannot be reached and unit {id} is not on screen</source>
            <translation>Basis data tidak dapat dijangkau dan unit {id} tidak sedang ditampilkan</translation>
        </message>
        <message>
            <source>Agency {agency} has no notification channel</source>
            <translation>Instansi {agency} tidak memiliki kanal notifikasi</translation>
        </message>
        <message>
            <source>Cannot open {path}: {reason}</source>
            <translation>Tidak dapat membuka {path}: {reason}</translation>
        </message>
        <message>
            <source>Cannot read the file as {encoding}: {reason}</source>
            <translation>Berkas tidak dapat dibaca sebagai {encoding}: {reason}</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}</source>
            <translation>Tidak dapat membaca {path}: {reason}</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>Tidak dapat menulis {path}: {reason}</translation>
        </message>
        <message>
            <source>Columns appear twice: {names}</source>
            <translation>Kolom muncul dua kali: {names}</translation>
        </message>
        <message>
            <source>Export to CSV or XLSX: {name} has neither extension</source>
            <translation>Ekspor hanya ke CSV atau XLSX: {name} tidak berekstensi .csv maupun .xlsx</translation>
        </message>
        <message>
            <source>Give --out FOLDER for the documents of a period</source>
            <translation>Berikan --out FOLDER untuk dokumen satu periode</translation>
        </message>
        <message>
            <source>Kelurahan {value} exists in several kecamatan: give the kecamatan too</source>
            <translation>Kelurahan {value} ada di beberapa kecamatan: isi juga kecamatannya</translation>
        </message>
        <message>
            <source>Kelurahan {value} is not in Kecamatan {kecamatan}</source>
            <translation>Kelurahan {value} tidak berada di Kecamatan {kecamatan}</translation>
        </message>
        <message>
            <source>Line {line}: the CSV is malformed: {reason}</source>
            <translation>Baris {line}: format CSV rusak: {reason}</translation>
        </message>
        <message>
            <source>No active user {name}</source>
            <translation>Tidak ada pengguna aktif bernama {name}</translation>
        </message>
        <message>
            <source>Not a readable XLSX workbook: {reason}</source>
            <translation>Bukan buku kerja XLSX yang dapat dibaca: {reason}</translation>
        </message>
        <message>
            <source>Notification {id} does not exist</source>
            <translation>Notifikasi {id} tidak ada</translation>
        </message>
        <message>
            <source>Old .xls workbooks are not supported: save the file as XLSX or CSV</source>
            <translation>Buku kerja .xls lama tidak didukung: simpan berkas sebagai XLSX atau CSV</translation>
        </message>
        <message>
            <source>Only a failed message can be sent again</source>
            <translation>Hanya pesan yang gagal yang dapat dikirim ulang</translation>
        </message>
        <message>
            <source>Required columns are missing: {names}</source>
            <translation>Kolom wajib tidak ada: {names}</translation>
        </message>
        <message>
            <source>The EIDO document does not match the schema: {errors}</source>
            <translation>Dokumen EIDO tidak sesuai skema: {errors}</translation>
        </message>
        <message>
            <source>The EIDO document has no incident identifier</source>
            <translation>Dokumen EIDO tidak memiliki pengenal kejadian</translation>
        </message>
        <message>
            <source>The EIDO document is not JSON: {reason}</source>
            <translation>Dokumen EIDO bukan JSON: {reason}</translation>
        </message>
        <message>
            <source>The EIDO document is not a JSON object</source>
            <translation>Dokumen EIDO bukan objek JSON</translation>
        </message>
        <message>
            <source>The EIDO document is too large ({path})</source>
            <translation>Dokumen EIDO terlalu besar ({path})</translation>
        </message>
        <message>
            <source>The EIDO document refers to components it does not contain: {refs}</source>
            <translation>Dokumen EIDO merujuk komponen yang tidak ada di dalamnya: {refs}</translation>
        </message>
        <message>
            <source>The EIDO incident cannot be stored: {reason}</source>
            <translation>Kejadian dari EIDO tidak dapat disimpan: {reason}</translation>
        </message>
        <message>
            <source>The EIDO schema is missing: {path}</source>
            <translation>Skema EIDO tidak ditemukan: {path}</translation>
        </message>
        <message>
            <source>The file is empty or its first line is not the header</source>
            <translation>Berkas kosong atau baris pertamanya bukan judul kolom</translation>
        </message>
        <message>
            <source>The file is not text in UTF-8 or Windows-1252 (byte {byte} at offset {offset}); save it again as CSV UTF-8</source>
            <translation>Berkas bukan teks UTF-8 maupun Windows-1252 (byte {byte} pada posisi {offset}); simpan ulang sebagai CSV UTF-8</translation>
        </message>
        <message>
            <source>The workbook has no sheet {sheet} (sheets: {sheets})</source>
            <translation>Buku kerja tidak memiliki lembar {sheet} (lembar yang ada: {sheets})</translation>
        </message>
        <message>
            <source>This row has {count} cells but the header has {expected}</source>
            <translation>Baris ini memiliki {count} sel, sedangkan judul kolom hanya {expected}</translation>
        </message>
        <message>
            <source>This row repeats an earlier row of the file</source>
            <translation>Baris ini mengulang baris sebelumnya dalam berkas</translation>
        </message>
        <message>
            <source>This row repeats line {first} of the file</source>
            <translation>Baris ini mengulang baris {first} dalam berkas</translation>
        </message>
        <message>
            <source>Timestamps out of order: {later} is before {earlier}</source>
            <translation>Urutan waktu salah: {later} lebih awal dari {earlier}</translation>
        </message>
        <message>
            <source>Unknown category {value}</source>
            <translation>Kategori {value} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown column names: {names}. Expected: {expected}</source>
            <translation>Nama kolom tidak dikenal: {names}. Kolom yang diharapkan: {expected}</translation>
        </message>
        <message>
            <source>Unknown kecamatan {value}</source>
            <translation>Kecamatan {value} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown kelurahan {value}</source>
            <translation>Kelurahan {value} tidak dikenal</translation>
        </message>
        <message>
            <source>Unknown outcome {value} (expected one of: {expected})</source>
            <translation>Hasil panggilan {value} tidak dikenal (gunakan salah satu dari: {expected})</translation>
        </message>
        <message>
            <source>caller_number is not a valid phone number: {value}</source>
            <translation>caller_number bukan nomor telepon yang sah: {value}</translation>
        </message>
        <message>
            <source>external_id is longer than 64 characters</source>
            <translation>external_id lebih dari 64 karakter</translation>
        </message>
        <message>
            <source>external_id {value} appears more than once in the file</source>
            <translation>external_id {value} muncul lebih dari sekali dalam berkas</translation>
        </message>
        <message>
            <source>external_id {value} appears more than once in the file (first on line {first})</source>
            <translation>external_id {value} muncul lebih dari sekali dalam berkas (pertama di baris {first})</translation>
        </message>
        <message>
            <source>outcome is empty</source>
            <translation>outcome kosong</translation>
        </message>
        <message>
            <source>priority must be 1 to 4, not {value}</source>
            <translation>priority harus 1 sampai 4, bukan {value}</translation>
        </message>
        <message>
            <source>received_at is empty</source>
            <translation>received_at kosong</translation>
        </message>
        <message>
            <source>received_at {value} is in the future</source>
            <translation>received_at {value} berada di masa depan</translation>
        </message>
        <message>
            <source>{column} is not a number: {value}</source>
            <translation>{column} bukan angka: {value}</translation>
        </message>
        <message>
            <source>{column} is not an ISO 8601 date-time: {value} (expected YYYY-MM-DD HH:MM:SS, WIB unless an offset is given)</source>
            <translation>{column} bukan tanggal-waktu ISO 8601: {value} (format YYYY-MM-DD HH:MM:SS, WIB kecuali zona waktu dicantumkan)</translation>
        </message>
        <message>
            <source>{count} bad rows: nothing was imported (fix them, or use --skip-bad)</source>
            <translation>{count} baris salah: tidak ada yang diimpor (perbaiki, atau gunakan --skip-bad)</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was imported</source>
            <translation>Impor dibatalkan; tidak ada yang diimpor</translation>
        </message>
        <message>
            <source>The export was cancelled</source>
            <translation>Ekspor dibatalkan</translation>
        </message>
        <message>
            <source>Map files are missing: {files}</source>
            <translation>Berkas peta tidak ditemukan: {files}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export calls and incidents</source>
            <translation>Ekspor panggilan dan kejadian</translation>
        </message>
        <message>
            <source>CSV (UTF-8, opens in Excel)</source>
            <translation>CSV (UTF-8, dapat dibuka di Excel)</translation>
        </message>
        <message>
            <source>XLSX (Excel workbook)</source>
            <translation>XLSX (buku kerja Excel)</translation>
        </message>
        <message>
            <source>File to write</source>
            <translation>Berkas tujuan</translation>
        </message>
        <message>
            <source>The file has the columns of the call-log import, so it can be imported into another console. It contains caller numbers and addresses: personal data.</source>
            <translation>Berkas ini memakai kolom impor log panggilan sehingga dapat diimpor ke konsol lain. Berkas berisi nomor penelepon dan alamat: data pribadi.</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Choose a file first.</source>
            <translation>Pilih berkas terlebih dahulu.</translation>
        </message>
        <message>
            <source>Written: {file} ({calls} calls, {incidents} incidents).</source>
            <translation>Tersimpan: {file} ({calls} panggilan, {incidents} kejadian).</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Siaga Console: first start</source>
            <translation>Siaga Console: pengaturan awal</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Keluar</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Lanjutkan</translation>
        </message>
        <message>
            <source>&lt;b&gt;Welcome to Siaga Console.&lt;/b&gt;&lt;br&gt;Choose where this workstation keeps its data. You can change it later in the configuration file.</source>
            <translation>&lt;b&gt;Selamat datang di Siaga Console.&lt;/b&gt;&lt;br&gt;Pilih tempat workstation ini menyimpan datanya. Pilihan ini dapat diubah kemudian melalui berkas konfigurasi.</translation>
        </message>
        <message>
            <source>This workstation only</source>
            <translation>Hanya workstation ini</translation>
        </message>
        <message>
            <source>An embedded database file on this computer:
{path}</source>
            <translation>Berkas basis data tertanam di komputer ini:
{path}</translation>
        </message>
        <message>
            <source>Shared database (PostgreSQL)</source>
            <translation>Basis data bersama (PostgreSQL)</translation>
        </message>
        <message>
            <source>All workstations of the command center work on one PostgreSQL server. Ask the administrator of the center for the address.</source>
            <translation>Semua workstation di command center menggunakan satu server PostgreSQL. Mintalah alamatnya kepada administrator command center.</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Uji koneksi</translation>
        </message>
        <message>
            <source>Name of this workstation:</source>
            <translation>Nama workstation ini:</translation>
        </message>
        <message>
            <source>&lt;b&gt;Create the administrator.&lt;/b&gt;&lt;br&gt;This database has no administrator yet. The administrator manages the accounts of the operators and supervisors. Keep the password safe: there is no default password.</source>
            <translation>&lt;b&gt;Buat akun administrator.&lt;/b&gt;&lt;br&gt;Basis data ini belum memiliki administrator. Administrator mengelola akun operator dan supervisor. Simpan kata sandi dengan aman: tidak ada kata sandi bawaan.</translation>
        </message>
        <message>
            <source>At least {n} characters.</source>
            <translation>Minimal {n} karakter.</translation>
        </message>
        <message>
            <source>Username:</source>
            <translation>Nama pengguna:</translation>
        </message>
        <message>
            <source>Display name:</source>
            <translation>Nama tampilan:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Kata sandi:</translation>
        </message>
        <message>
            <source>Repeat the password:</source>
            <translation>Ulangi kata sandi:</translation>
        </message>
        <message>
            <source>Create and start</source>
            <translation>Buat dan mulai</translation>
        </message>
        <message>
            <source>Connected to {url}: a new, empty database.</source>
            <translation>Terhubung ke {url}: basis data baru yang masih kosong.</translation>
        </message>
        <message>
            <source>Connected to {url}: a Siaga Console database of an older version; it is upgraded when the console starts.</source>
            <translation>Terhubung ke {url}: basis data Siaga Console versi lama; basis data akan diperbarui saat aplikasi dijalankan.</translation>
        </message>
        <message>
            <source>Connected to {url}: a Siaga Console database.</source>
            <translation>Terhubung ke {url}: basis data Siaga Console.</translation>
        </message>
        <message>
            <source>No write access to {path}: the embedded database cannot be created there. Ask the administrator of this computer, or choose a shared database.</source>
            <translation>Tidak ada izin menulis ke {path}: basis data tertanam tidak dapat dibuat di sana. Hubungi administrator komputer ini, atau pilih basis data bersama.</translation>
        </message>
        <message>
            <source>Connecting to the database…</source>
            <translation>Menghubungkan ke basis data…</translation>
        </message>
        <message>
            <source>The username needs 3 to 32 characters: lowercase letters, digits, dot, dash or underscore, starting with a letter or digit.</source>
            <translation>Nama pengguna harus 3 sampai 32 karakter: huruf kecil, angka, titik, tanda hubung, atau garis bawah, diawali huruf atau angka.</translation>
        </message>
        <message>
            <source>Give a display name (the name shown to colleagues).</source>
            <translation>Isi nama tampilan (nama yang terlihat oleh rekan kerja).</translation>
        </message>
        <message>
            <source>The password needs at least {n} characters.</source>
            <translation>Kata sandi minimal {n} karakter.</translation>
        </message>
        <message>
            <source>The password must not contain the username.</source>
            <translation>Kata sandi tidak boleh memuat nama pengguna.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>Kedua kata sandi tidak sama.</translation>
        </message>
        <message>
            <source>Creating the administrator…</source>
            <translation>Membuat akun administrator…</translation>
        </message>
        <message>
            <source>Cannot save the configuration {path}: {reason}</source>
            <translation>Konfigurasi {path} tidak dapat disimpan: {reason}</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Handover notes</source>
            <translation>Catatan serah terima</translation>
        </message>
        <message>
            <source>Shift:</source>
            <translation>Sif:</translation>
        </message>
        <message>
            <source>What the next shift must know: open incidents, units out of service, …</source>
            <translation>Yang perlu diketahui sif berikutnya: kejadian terbuka, unit yang tidak beroperasi, …</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Tambah catatan</translation>
        </message>
        <message>
            <source>Note saved.</source>
            <translation>Catatan tersimpan.</translation>
        </message>
    </context>
    <context>
        <name>HelpOverlay</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Pintasan keyboard</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Tombol</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Tindakan</translation>
        </message>
    </context>
    <context>
        <name>ImportCallsDialog</name>
        <message>
            <source>Import call log</source>
            <translation>Impor log panggilan</translation>
        </message>
        <message>
            <source>A CSV or XLSX file with one call a row and the columns of the call-log format (external_id, received_at, outcome, …). Times without an offset are WIB.</source>
            <translation>Berkas CSV atau XLSX dengan satu panggilan per baris dan kolom format log panggilan (external_id, received_at, outcome, …). Waktu tanpa zona waktu dianggap WIB.</translation>
        </message>
        <message>
            <source>File to import (.csv or .xlsx)</source>
            <translation>Berkas yang akan diimpor (.csv atau .xlsx)</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Baris</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Masalah</translation>
        </message>
        <message>
            <source>First rows of the file</source>
            <translation>Baris-baris pertama berkas</translation>
        </message>
        <message>
            <source>Problems found</source>
            <translation>Masalah yang ditemukan</translation>
        </message>
        <message>
            <source>Skip bad rows (import only the good ones)</source>
            <translation>Lewati baris yang salah (impor hanya baris yang benar)</translation>
        </message>
        <message>
            <source>%p%</source>
            <translation>%p%</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Impor</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Hentikan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Call logs (*.csv *.xlsx);;All files (*)</source>
            <translation>Log panggilan (*.csv *.xlsx);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Membaca…</translation>
        </message>
        <message>
            <source>{file}: {kind}, {encoding}, {columns} columns</source>
            <translation>{file}: {kind}, {encoding}, {columns} kolom</translation>
        </message>
        <message>
            <source>Checking every row…</source>
            <translation>Memeriksa setiap baris…</translation>
        </message>
        <message>
            <source>{rows} rows checked: {bad} bad rows (see the problems). The good rows hold {calls} calls and {incidents} incidents; {present} rows are already in the database.</source>
            <translation>{rows} baris diperiksa: {bad} baris salah (lihat daftar masalah). Baris yang benar berisi {calls} panggilan dan {incidents} kejadian; {present} baris sudah ada di basis data.</translation>
        </message>
        <message>
            <source>{rows} rows checked, no problems: {calls} calls and {incidents} incidents to import; {present} rows are already in the database.</source>
            <translation>{rows} baris diperiksa, tanpa masalah: {calls} panggilan dan {incidents} kejadian siap diimpor; {present} baris sudah ada di basis data.</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Mengimpor…</translation>
        </message>
        <message>
            <source>Imported: {calls} calls and {incidents} incidents from {rows} rows; {present} rows were already there, {bad} bad rows skipped.</source>
            <translation>Berhasil diimpor: {calls} panggilan dan {incidents} kejadian dari {rows} baris; {present} baris sudah ada sebelumnya, {bad} baris salah dilewati.</translation>
        </message>
        <message>
            <source>Nothing was imported: {bad} bad rows.</source>
            <translation>Tidak ada yang diimpor: {bad} baris salah.</translation>
        </message>
        <message>
            <source>{rows} rows</source>
            <translation>{rows} baris</translation>
        </message>
    </context>
    <context>
        <name>IncidentDetailPanel</name>
        <message>
            <source>Incident opened</source>
            <translation>Kejadian dibuka</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Unit dispatched</source>
            <translation>Unit dikirim</translation>
        </message>
        <message>
            <source>Unit status</source>
            <translation>Status unit</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Details changed</source>
            <translation>Rincian diubah</translation>
        </message>
        <message>
            <source>Call linked</source>
            <translation>Panggilan ditautkan</translation>
        </message>
        <message>
            <source>Merged into another incident</source>
            <translation>Digabung ke kejadian lain</translation>
        </message>
        <message>
            <source>Incident merged in</source>
            <translation>Kejadian lain digabungkan</translation>
        </message>
        <message>
            <source>Select an incident in the queue</source>
            <translation>Pilih kejadian di antrean</translation>
        </message>
        <message>
            <source>Dispatch units (Ctrl+D)</source>
            <translation>Kirim unit (Ctrl+D)</translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation>Gabungkan ke…</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Peristiwa</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Oleh</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>Dikirim</translation>
        </message>
        <message>
            <source>En route</source>
            <translation>Menuju lokasi</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>Di lokasi</translation>
        </message>
        <message>
            <source>Cleared</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Rincian</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Linimasa</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Panggilan</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Field notifications</source>
            <translation>Notifikasi ke unit lapangan</translation>
        </message>
        <message>
            <source>Add a note (Ctrl+N, Enter to save)</source>
            <translation>Tambah catatan (Ctrl+N, Enter untuk menyimpan)</translation>
        </message>
        <message>
            <source>Saved on this computer; it will be sent when the database is back</source>
            <translation>Tersimpan di komputer ini; akan dikirim setelah basis data tersambung kembali</translation>
        </message>
        <message>
            <source>sensitive</source>
            <translation>sensitif</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Landmark</source>
            <translation>Patokan</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Koordinat</translation>
        </message>
        <message>
            <source>Caller name</source>
            <translation>Nama pelapor</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Merged into</source>
            <translation>Digabung ke</translation>
        </message>
        <message>
            <source>Personal details are visible only to the supervisor and the handling operator.</source>
            <translation>Data pribadi hanya terlihat oleh supervisor dan operator yang menangani.</translation>
        </message>
        <message>
            <source>→ {status}</source>
            <translation>→ {status}</translation>
        </message>
        <message>
            <source>Cancel incident</source>
            <translation>Batalkan kejadian</translation>
        </message>
        <message>
            <source>Cancel incident {number}?</source>
            <translation>Batalkan kejadian {number}?</translation>
        </message>
        <message>
            <source>The database cannot be reached: this is the last known state.</source>
            <translation>Basis data tidak dapat dijangkau: ini keadaan terakhir yang diketahui.</translation>
        </message>
    </context>
    <context>
        <name>IncidentForm</name>
        <message>
            <source>— choose —</source>
            <translation>— pilih —</translation>
        </message>
        <message>
            <source>Pick on map</source>
            <translation>Pilih di peta</translation>
        </message>
        <message>
            <source>Click the map to set the coordinates (Ctrl+M)</source>
            <translation>Klik peta untuk mengisi koordinat (Ctrl+M)</translation>
        </message>
        <message>
            <source>Sensitive (personal data of victims or children)</source>
            <translation>Sensitif (data pribadi korban atau anak)</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Kelurahan</source>
            <translation>Kelurahan</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Landmark</source>
            <translation>Patokan</translation>
        </message>
        <message>
            <source>Lat / lon</source>
            <translation>Lintang / bujur</translation>
        </message>
        <message>
            <source>Caller name</source>
            <translation>Nama pelapor</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Possible duplicates (same place, last 30 minutes)</source>
            <translation>Kemungkinan duplikat (lokasi sama, 30 menit terakhir)</translation>
        </message>
        <message>
            <source>Link call to this incident (Ctrl+L)</source>
            <translation>Tautkan panggilan ke kejadian ini (Ctrl+L)</translation>
        </message>
        <message>
            <source>Save incident (Ctrl+Enter)</source>
            <translation>Simpan kejadian (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Agencies: {names}</source>
            <translation>Instansi: {names}</translation>
        </message>
        <message>
            <source>Check the highlighted fields.</source>
            <translation>Periksa kolom yang ditandai.</translation>
        </message>
    </context>
    <context>
        <name>IntakePanel</name>
        <message>
            <source>New call (F2)</source>
            <translation>Panggilan baru (F2)</translation>
        </message>
        <message>
            <source>No call in progress</source>
            <translation>Tidak ada panggilan aktif</translation>
        </message>
        <message>
            <source>Caller number (empty: hidden)</source>
            <translation>Nomor penelepon (kosong: tersembunyi)</translation>
        </message>
        <message>
            <source>Outcome: one key logs the call</source>
            <translation>Hasil: satu tombol mencatat panggilan</translation>
        </message>
        <message>
            <source>Log the call as {outcome} ({key})</source>
            <translation>Catat panggilan sebagai {outcome} ({key})</translation>
        </message>
        <message>
            <source>Emergency: open incident form (F3)</source>
            <translation>Darurat: buka formulir kejadian (F3)</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Call in progress since {time}</source>
            <translation>Panggilan aktif sejak {time}</translation>
        </message>
        <message>
            <source>hidden number</source>
            <translation>nomor tersembunyi</translation>
        </message>
        <message>
            <source>Logged: {outcome} · {number}</source>
            <translation>Tercatat: {outcome} · {number}</translation>
        </message>
        <message>
            <source>First call from this number.</source>
            <translation>Panggilan pertama dari nomor ini.</translation>
        </message>
        <message>
            <source>{total} calls ({today} today), {pranks} prank ({pranks_today} today)</source>
            <translation>{total} panggilan ({today} hari ini), {pranks} iseng ({pranks_today} hari ini)</translation>
        </message>
        <message>
            <source>REPEAT PRANK CALLER</source>
            <translation>PENELEPON ISENG BERULANG</translation>
        </message>
        <message>
            <source>Open incidents: {numbers}</source>
            <translation>Kejadian terbuka: {numbers}</translation>
        </message>
        <message>
            <source>Recent: {calls}</source>
            <translation>Terakhir: {calls}</translation>
        </message>
        <message>
            <source>Incident {number} opened</source>
            <translation>Kejadian {number} dibuka</translation>
        </message>
        <message>
            <source>saved on this computer, sent when the database is back</source>
            <translation>tersimpan di komputer ini, dikirim setelah basis data tersambung kembali</translation>
        </message>
        <message>
            <source>Call linked to {number}</source>
            <translation>Panggilan ditautkan ke {number}</translation>
        </message>
    </context>
    <context>
        <name>InteropDialogs</name>
        <message>
            <source>Export</source>
            <translation>Ekspor</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Sedang diproses…</translation>
        </message>
    </context>
    <context>
        <name>InteropFeature</name>
        <message>
            <source>&amp;Data</source>
            <translation>&amp;Data</translation>
        </message>
        <message>
            <source>Import call log…</source>
            <translation>Impor log panggilan…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Ekspor…</translation>
        </message>
        <message>
            <source>Export EIDO…</source>
            <translation>Ekspor EIDO…</translation>
        </message>
        <message>
            <source>Import EIDO…</source>
            <translation>Impor EIDO…</translation>
        </message>
        <message>
            <source>Not allowed</source>
            <translation>Tidak diizinkan</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>Prank</source>
            <translation>Iseng</translation>
        </message>
        <message>
            <source>Silent</source>
            <translation>Diam</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Salah sambung</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Informasi</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Terputus</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplikat</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>Uji coba</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Baru</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>Terverifikasi</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>Dikirim</translation>
        </message>
        <message>
            <source>On scene</source>
            <translation>Di lokasi</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Tertangani</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Ditutup</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Dibatalkan</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>Digabung</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Siaga</translation>
        </message>
        <message>
            <source>En route</source>
            <translation>Menuju lokasi</translation>
        </message>
        <message>
            <source>Returning</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Out of service</source>
            <translation>Tidak beroperasi</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>P1 life at risk</source>
            <translation>P1 nyawa terancam</translation>
        </message>
        <message>
            <source>P2 urgent</source>
            <translation>P2 mendesak</translation>
        </message>
        <message>
            <source>P3 normal</source>
            <translation>P3 biasa</translation>
        </message>
        <message>
            <source>P4 no urgency</source>
            <translation>P4 tidak mendesak</translation>
        </message>
        <message>
            <source>Caller number</source>
            <translation>Nomor penelepon</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Kelurahan</source>
            <translation>Kelurahan</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Landmark</source>
            <translation>Patokan</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>Koordinat</translation>
        </message>
        <message>
            <source>Caller name</source>
            <translation>Nama pelapor</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Call sign</source>
            <translation>Kode panggil</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>Jenis unit</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>Pos</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>Nama singkat</translation>
        </message>
        <message>
            <source>Indonesian label</source>
            <translation>Label bahasa Indonesia</translation>
        </message>
        <message>
            <source>English label</source>
            <translation>Label bahasa Inggris</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nama lengkap</translation>
        </message>
    </context>
    <context>
        <name>LockBanner</name>
        <message>
            <source>Being edited by {user} at {workstation} (since {time})</source>
            <translation>Sedang diedit oleh {user} di {workstation} (sejak {time})</translation>
        </message>
        <message>
            <source>Another operator is working on this incident. Your changes are still possible; if both of you change the same thing, the console asks first.</source>
            <translation>Operator lain sedang menangani kejadian ini. Anda tetap dapat mengubahnya; jika Anda berdua mengubah hal yang sama, konsol akan menanyakannya terlebih dahulu.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Siaga Console — log in</source>
            <translation>Siaga Console — masuk</translation>
        </message>
        <message>
            <source>Siaga Console — create the administrator</source>
            <translation>Siaga Console — buat akun administrator</translation>
        </message>
        <message>
            <source>Console locked</source>
            <translation>Konsol terkunci</translation>
        </message>
        <message>
            <source>Switch operator</source>
            <translation>Ganti operator</translation>
        </message>
        <message>
            <source>Log in with your operator account.</source>
            <translation>Masuk dengan akun operator Anda.</translation>
        </message>
        <message>
            <source>This database has no accounts yet. Create the administrator: keep the password safe, there is no default password.</source>
            <translation>Basis data ini belum memiliki akun. Buat akun administrator: simpan kata sandinya dengan aman, tidak ada kata sandi bawaan.</translation>
        </message>
        <message>
            <source>The console locked itself after a period without activity. Your work is still open: enter your password to continue, or log in as another operator.</source>
            <translation>Konsol terkunci otomatis karena tidak ada aktivitas. Pekerjaan Anda tetap terbuka: masukkan kata sandi untuk melanjutkan, atau masuk sebagai operator lain.</translation>
        </message>
        <message>
            <source>Shift change: the next operator logs in; the work stays open.</source>
            <translation>Pergantian sif: operator berikutnya masuk; pekerjaan tetap terbuka.</translation>
        </message>
        <message>
            <source>Demo database: accounts operator1 / operator-demo-112, supervisor / super-demo-112, admin / admin-demo-112.</source>
            <translation>Basis data demo: akun operator1 / operator-demo-112, supervisor / super-demo-112, admin / admin-demo-112.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nama lengkap</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Buat</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Masuk</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Keluar</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Opening the database…</source>
            <translation>Membuka basis data…</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Peta</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dasbor</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Memuat…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Calls</source>
            <translation>&amp;Panggilan</translation>
        </message>
        <message>
            <source>New call</source>
            <translation>Panggilan baru</translation>
        </message>
        <message>
            <source>Take a new call (F2)</source>
            <translation>Terima panggilan baru (F2)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Tampilan</translation>
        </message>
        <message>
            <source>Light theme</source>
            <translation>Tema terang</translation>
        </message>
        <message>
            <source>Dark theme</source>
            <translation>Tema gelap</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ban&amp;tuan</translation>
        </message>
        <message>
            <source>About Siaga Console</source>
            <translation>Tentang Siaga Console</translation>
        </message>
        <message>
            <source>The language changes the next time the console starts.</source>
            <translation>Bahasa akan berganti saat aplikasi dibuka kembali.</translation>
        </message>
        <message>
            <source>Settings not saved: {error}</source>
            <translation>Pengaturan tidak tersimpan: {error}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Siaga Console&lt;/b&gt; {version}&lt;br&gt;Dispatcher console of Serang Siaga 112.&lt;br&gt;&lt;br&gt;Boundaries: BPS – Statistics Indonesia, via OCHA/HDX (CC BY-IGO).</source>
            <translation>&lt;b&gt;Siaga Console&lt;/b&gt; {version}&lt;br&gt;Konsol operator Serang Siaga 112.&lt;br&gt;&lt;br&gt;Batas wilayah: BPS – Badan Pusat Statistik, melalui OCHA/HDX (CC BY-IGO).</translation>
        </message>
        <message>
            <source>shared PostgreSQL</source>
            <translation>PostgreSQL bersama</translation>
        </message>
        <message>
            <source>local SQLite</source>
            <translation>SQLite lokal</translation>
        </message>
        <message>
            <source>Database: {kind} ({where})</source>
            <translation>Basis data: {kind} ({where})</translation>
        </message>
        <message>
            <source>Workstation: {name}</source>
            <translation>Workstation: {name}</translation>
        </message>
        <message>
            <source>Operator: {name} ({role})</source>
            <translation>Operator: {name} ({role})</translation>
        </message>
        <message>
            <source>Operator: —</source>
            <translation>Operator: —</translation>
        </message>
        <message>
            <source>● Connected</source>
            <translation>● Terhubung</translation>
        </message>
        <message>
            <source>● Not connected</source>
            <translation>● Tidak terhubung</translation>
        </message>
        <message>
            <source>Siaga Console — Serang Siaga 112</source>
            <translation>Siaga Console — Serang Siaga 112</translation>
        </message>
        <message>
            <source>[DEMO DATA]</source>
            <translation>[DATA DEMO]</translation>
        </message>
    </context>
    <context>
        <name>MapController</name>
        <message>
            <source>The map could not read the incidents: {error}</source>
            <translation>Peta tidak dapat membaca data kejadian: {error}</translation>
        </message>
        <message>
            <source>This incident is not on the map (closed, or no coordinates).</source>
            <translation>Kejadian ini tidak tampil di peta (sudah ditutup atau tanpa koordinat).</translation>
        </message>
        <message>
            <source>Click the map to set the incident's location.</source>
            <translation>Klik peta untuk menentukan lokasi kejadian.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Refused: {reason}. Click inside Kota Serang.</source>
            <translation>Ditolak: {reason}. Klik di dalam wilayah Kota Serang.</translation>
        </message>
        <message>
            <source>Kelurahan {kelurahan}, Kecamatan {kecamatan}</source>
            <translation>Kelurahan {kelurahan}, Kecamatan {kecamatan}</translation>
        </message>
    </context>
    <context>
        <name>MapPage</name>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Kelurahan</source>
            <translation>Kelurahan</translation>
        </message>
        <message>
            <source>Incidents this shift</source>
            <translation>Kejadian sif ini</translation>
        </message>
        <message>
            <source>Open incidents</source>
            <translation>Kejadian aktif</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legenda</translation>
        </message>
        <message>
            <source>Incidents: colour = priority</source>
            <translation>Kejadian: warna = prioritas</translation>
        </message>
        <message>
            <source>Pulsing: priority 1 waiting for dispatch</source>
            <translation>Berdenyut: prioritas 1 menunggu pengerahan unit</translation>
        </message>
        <message>
            <source>Symbol = category</source>
            <translation>Simbol = kategori</translation>
        </message>
        <message>
            <source>Units: colour = agency</source>
            <translation>Unit: warna = instansi</translation>
        </message>
        <message>
            <source>Unit status (border)</source>
            <translation>Status unit (bingkai)</translation>
        </message>
        <message>
            <source>Incidents this shift per kecamatan</source>
            <translation>Kejadian sif ini per kecamatan</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>belum ada</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Lokasi</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Sensitive report: details only in the incident record.</source>
            <translation>Laporan sensitif: rincian hanya ada di berkas kejadian.</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>Pos</translation>
        </message>
    </context>
    <context>
        <name>MapPanel</name>
        <message>
            <source>Detach map to its own window</source>
            <translation>Lepas peta ke jendela terpisah</translation>
        </message>
        <message>
            <source>Show the map in its own window, e.g. on the wall screen (Ctrl+Shift+M)</source>
            <translation>Tampilkan peta di jendela terpisah, mis. di layar dinding (Ctrl+Shift+M)</translation>
        </message>
        <message>
            <source>Show the whole city on the map</source>
            <translation>Tampilkan seluruh kota di peta</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <source>Hide this message</source>
            <translation>Sembunyikan pesan ini</translation>
        </message>
        <message>
            <source>The map page could not be built: {error}</source>
            <translation>Halaman peta tidak dapat dibuat: {error}</translation>
        </message>
        <message>
            <source>The map page could not be loaded.</source>
            <translation>Halaman peta tidak dapat dimuat.</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>tidak ada respons</translation>
        </message>
        <message>
            <source>The map did not start: {error}</source>
            <translation>Peta gagal dijalankan: {error}</translation>
        </message>
        <message>
            <source>The map stopped unexpectedly; reloading it.</source>
            <translation>Peta berhenti tiba-tiba; sedang dimuat ulang.</translation>
        </message>
        <message>
            <source>Map script error: {error}</source>
            <translation>Kesalahan skrip peta: {error}</translation>
        </message>
        <message>
            <source>No connection to the map tile server: the map shows only areas already seen. Districts, incidents and units stay up to date.</source>
            <translation>Tidak ada koneksi ke server peta dasar: peta hanya menampilkan area yang pernah dibuka. Batas wilayah, kejadian, dan unit tetap diperbarui.</translation>
        </message>
        <message>
            <source>The map tile cache cannot be used ({detail}).</source>
            <translation>Cache peta dasar tidak dapat digunakan ({detail}).</translation>
        </message>
    </context>
    <context>
        <name>ParkedCommandsDialog</name>
        <message>
            <source>Call logged</source>
            <translation>Panggilan dicatat</translation>
        </message>
        <message>
            <source>Call linked</source>
            <translation>Panggilan ditautkan</translation>
        </message>
        <message>
            <source>Incident opened</source>
            <translation>Kejadian dibuka</translation>
        </message>
        <message>
            <source>Status change</source>
            <translation>Perubahan status</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Unit status</source>
            <translation>Status unit</translation>
        </message>
        <message>
            <source>Changes not sent</source>
            <translation>Perubahan yang belum terkirim</translation>
        </message>
        <message>
            <source>These changes were made while the database could not be reached. When they were sent, the database refused them, usually because another workstation had changed the same incident. Check the incident, then send again or drop.</source>
            <translation>Perubahan ini dibuat saat basis data tidak dapat dijangkau. Saat dikirim, basis data menolaknya, biasanya karena meja kerja lain telah mengubah kejadian yang sama. Periksa kejadiannya, lalu kirim ulang atau buang.</translation>
        </message>
        <message>
            <source>Made at</source>
            <translation>Dibuat pada</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Perubahan</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Oleh</translation>
        </message>
        <message>
            <source>Why it was refused</source>
            <translation>Alasan ditolak</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Kirim ulang</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>Buang</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>Ubah kata sandi</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Kata sandi saat ini</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Kata sandi baru</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>Ulangi kata sandi baru</translation>
        </message>
        <message>
            <source>Database password</source>
            <translation>Kata sandi basis data</translation>
        </message>
        <message>
            <source>Keep it in this computer's keyring</source>
            <translation>Simpan di gantungan kunci (keyring) komputer ini</translation>
        </message>
        <message>
            <source>Password for {url}</source>
            <translation>Kata sandi untuk {url}</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
    </context>
    <context>
        <name>PathRow</name>
        <message>
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
    </context>
    <context>
        <name>PeriodBar</name>
        <message>
            <source>Current shift (live)</source>
            <translation>Sif berjalan (langsung)</translation>
        </message>
        <message>
            <source>A shift</source>
            <translation>Sif tertentu</translation>
        </message>
        <message>
            <source>Date range</source>
            <translation>Rentang tanggal</translation>
        </message>
        <message>
            <source>What the dashboard shows</source>
            <translation>Yang ditampilkan dasbor</translation>
        </message>
        <message>
            <source>to</source>
            <translation>sampai</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>Bandingkan dengan</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Muat ulang</translation>
        </message>
    </context>
    <context>
        <name>PeriodRow</name>
        <message>
            <source>WIB (the end is not included)</source>
            <translation>WIB (batas akhir tidak termasuk)</translation>
        </message>
    </context>
    <context>
        <name>PrankListDialog</name>
        <message>
            <source>Repeat prank callers</source>
            <translation>Penelepon iseng berulang</translation>
        </message>
        <message>
            <source>More than {daily} prank calls in a day: blocked for one day. More than {total} in total: the city asks Kominfo for a permanent block.</source>
            <translation>Lebih dari {daily} panggilan iseng dalam sehari: diblokir satu hari. Lebih dari {total} secara total: Pemkot meminta Kominfo memblokir permanen.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Prank calls</source>
            <translation>Panggilan iseng</translation>
        </message>
        <message>
            <source>Most in a day</source>
            <translation>Terbanyak per hari</translation>
        </message>
        <message>
            <source>First</source>
            <translation>Pertama</translation>
        </message>
        <message>
            <source>Last</source>
            <translation>Terakhir</translation>
        </message>
        <message>
            <source>Proposal</source>
            <translation>Usulan</translation>
        </message>
        <message>
            <source>permanent block</source>
            <translation>blokir permanen</translation>
        </message>
        <message>
            <source>1-day block</source>
            <translation>blokir 1 hari</translation>
        </message>
        <message>
            <source>Export CSV for Kominfo…</source>
            <translation>Ekspor CSV untuk Kominfo…</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Ekspor CSV</translation>
        </message>
    </context>
    <context>
        <name>PresenceDialog</name>
        <message>
            <source>Workstations</source>
            <translation>Meja kerja</translation>
        </message>
    </context>
    <context>
        <name>PresencePanel</name>
        <message>
            <source>Online</source>
            <translation>Daring</translation>
        </message>
        <message>
            <source>No signal</source>
            <translation>Tanpa sinyal</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Ditutup</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Meja kerja</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Last signal</source>
            <translation>Sinyal terakhir</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Mulai</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versi</translation>
        </message>
        <message>
            <source>(this one)</source>
            <translation>(meja ini)</translation>
        </message>
        <message>
            <source>{duration} ago</source>
            <translation>{duration} yang lalu</translation>
        </message>
        <message>
            <source>{online} workstations online</source>
            <translation>{online} meja kerja daring</translation>
        </message>
        <message>
            <source>{count} without signal</source>
            <translation>{count} tanpa sinyal</translation>
        </message>
    </context>
    <context>
        <name>QueueFeature</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Pintasan keyboard</translation>
        </message>
        <message>
            <source>Repeat prank callers…</source>
            <translation>Penelepon iseng berulang…</translation>
        </message>
        <message>
            <source>Merge incident</source>
            <translation>Gabungkan kejadian</translation>
        </message>
        <message>
            <source>Merge this incident into incident number:</source>
            <translation>Gabungkan kejadian ini ke nomor kejadian:</translation>
        </message>
        <message>
            <source>Siaga Console</source>
            <translation>Siaga Console</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Umur</translation>
        </message>
        <message>
            <source>Prio</source>
            <translation>Prio</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Kecamatan / kelurahan</source>
            <translation>Kecamatan / kelurahan</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>Active</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Waiting for dispatch</source>
            <translation>Menunggu dispatch</translation>
        </message>
        <message>
            <source>Sensitive</source>
            <translation>Sensitif</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hari ini</translation>
        </message>
        <message>
            <source>All (last 7 days)</source>
            <translation>Semua (7 hari terakhir)</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Semua status</translation>
        </message>
        <message>
            <source>Any priority</source>
            <translation>Semua prioritas</translation>
        </message>
        <message>
            <source>Any category</source>
            <translation>Semua kategori</translation>
        </message>
        <message>
            <source>Any kecamatan</source>
            <translation>Semua kecamatan</translation>
        </message>
        <message>
            <source>Search (Ctrl+F): number, address, unit…</source>
            <translation>Cari (Ctrl+F): nomor, alamat, unit…</translation>
        </message>
        <message>
            <source>Saved views (Alt+1 … Alt+5)</source>
            <translation>Tampilan tersimpan (Alt+1 … Alt+5)</translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} dari {total}</translation>
        </message>
        <message>
            <source>⚠ {count} priority-1 incident(s) waiting for dispatch: {numbers} (longest {minutes} min)</source>
            <translation>⚠ {count} kejadian prioritas 1 menunggu dispatch: {numbers} (terlama {minutes} menit)</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>Calls received</source>
            <translation>Panggilan masuk</translation>
        </message>
        <message>
            <source>Valid calls</source>
            <translation>Panggilan valid</translation>
        </message>
        <message>
            <source>Prank calls</source>
            <translation>Panggilan iseng</translation>
        </message>
        <message>
            <source>Silent calls</source>
            <translation>Panggilan diam</translation>
        </message>
        <message>
            <source>Wrong numbers</source>
            <translation>Salah sambung</translation>
        </message>
        <message>
            <source>Information calls</source>
            <translation>Panggilan informasi</translation>
        </message>
        <message>
            <source>Dropped calls</source>
            <translation>Panggilan terputus</translation>
        </message>
        <message>
            <source>Duplicate calls</source>
            <translation>Panggilan duplikat</translation>
        </message>
        <message>
            <source>Test calls</source>
            <translation>Panggilan uji coba</translation>
        </message>
        <message>
            <source>Prank ratio</source>
            <translation>Rasio panggilan iseng</translation>
        </message>
        <message>
            <source>Abandon rate</source>
            <translation>Tingkat panggilan terputus</translation>
        </message>
        <message>
            <source>Incidents</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Answer time, median</source>
            <translation>Waktu jawab, median</translation>
        </message>
        <message>
            <source>Answer time, 90th percentile</source>
            <translation>Waktu jawab, persentil ke-90</translation>
        </message>
        <message>
            <source>Processing (answer to dispatch), median</source>
            <translation>Waktu proses (jawab sampai pengiriman), median</translation>
        </message>
        <message>
            <source>Processing (answer to dispatch), 90th percentile</source>
            <translation>Waktu proses (jawab sampai pengiriman), persentil ke-90</translation>
        </message>
        <message>
            <source>Call to dispatch, median</source>
            <translation>Panggilan sampai pengiriman, median</translation>
        </message>
        <message>
            <source>Call to dispatch, 90th percentile</source>
            <translation>Panggilan sampai pengiriman, persentil ke-90</translation>
        </message>
        <message>
            <source>Travel time, median</source>
            <translation>Waktu perjalanan, median</translation>
        </message>
        <message>
            <source>Travel time, 90th percentile</source>
            <translation>Waktu perjalanan, persentil ke-90</translation>
        </message>
        <message>
            <source>Response time, median</source>
            <translation>Waktu tanggap, median</translation>
        </message>
        <message>
            <source>Response time, 90th percentile</source>
            <translation>Waktu tanggap, persentil ke-90</translation>
        </message>
        <message>
            <source>Time to resolution, median</source>
            <translation>Waktu sampai tertangani, median</translation>
        </message>
        <message>
            <source>Time to resolution, 90th percentile</source>
            <translation>Waktu sampai tertangani, persentil ke-90</translation>
        </message>
        <message>
            <source>Answered within 15 s (NENA)</source>
            <translation>Dijawab dalam 15 detik (NENA)</translation>
        </message>
        <message>
            <source>Answered within 20 s (NENA)</source>
            <translation>Dijawab dalam 20 detik (NENA)</translation>
        </message>
        <message>
            <source>P1 dispatched within 60 s of answer (NFPA 1225)</source>
            <translation>P1 dikirim dalam 60 detik setelah dijawab (NFPA 1225)</translation>
        </message>
        <message>
            <source>Incidents open at the end</source>
            <translation>Kejadian terbuka di akhir periode</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Ringkasan</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Ukuran kinerja</translation>
        </message>
        <message>
            <source>Calls per hour</source>
            <translation>Panggilan per jam</translation>
        </message>
        <message>
            <source>Calls per day</source>
            <translation>Panggilan per hari</translation>
        </message>
        <message>
            <source>Calls per week</source>
            <translation>Panggilan per minggu</translation>
        </message>
        <message>
            <source>Incidents by category</source>
            <translation>Kejadian per kategori</translation>
        </message>
        <message>
            <source>Incidents by kecamatan</source>
            <translation>Kejadian per kecamatan</translation>
        </message>
        <message>
            <source>Incidents by priority</source>
            <translation>Kejadian per prioritas</translation>
        </message>
        <message>
            <source>Open incidents</source>
            <translation>Kejadian aktif</translation>
        </message>
        <message>
            <source>Handover notes</source>
            <translation>Catatan serah terima</translation>
        </message>
        <message>
            <source>Trend of the last shifts</source>
            <translation>Tren sif terakhir</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Panggilan</translation>
        </message>
        <message>
            <source>Answer times</source>
            <translation>Waktu jawab</translation>
        </message>
        <message>
            <source>Response times</source>
            <translation>Waktu tanggap</translation>
        </message>
        <message>
            <source>Measure key</source>
            <translation>Kode ukuran</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Nilai</translation>
        </message>
        <message>
            <source>Unit of measure</source>
            <translation>Satuan</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>From (WIB)</source>
            <translation>Mulai (WIB)</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Kecamatan</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Prioritas</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Alamat</translation>
        </message>
        <message>
            <source>Received (WIB)</source>
            <translation>Diterima (WIB)</translation>
        </message>
        <message>
            <source>Answered (WIB)</source>
            <translation>Dijawab (WIB)</translation>
        </message>
        <message>
            <source>Status at the end</source>
            <translation>Status di akhir periode</translation>
        </message>
        <message>
            <source>Status now</source>
            <translation>Status saat ini</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Time (WIB)</source>
            <translation>Waktu (WIB)</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Penulis</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Sif</translation>
        </message>
        <message>
            <source>Caller number</source>
            <translation>Nomor penelepon</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Meja kerja</translation>
        </message>
        <message>
            <source>Serang Siaga 112 — supervisor report</source>
            <translation>Serang Siaga 112 — laporan supervisor</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Periode</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Dibuat</translation>
        </message>
        <message>
            <source>Caller numbers are masked (only the last three digits are shown).</source>
            <translation>Nomor penelepon disamarkan (hanya tiga digit terakhir yang ditampilkan).</translation>
        </message>
        <message>
            <source>The list of calls is cut short: the period has too many calls.</source>
            <translation>Daftar panggilan dipotong: periode ini memiliki terlalu banyak panggilan.</translation>
        </message>
        <message>
            <source>DEMO DATA: not real calls or incidents.</source>
            <translation>DATA DEMO: bukan panggilan atau kejadian nyata.</translation>
        </message>
        <message>
            <source>(hidden: sensitive)</source>
            <translation>(disembunyikan: sensitif)</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>tidak ada data</translation>
        </message>
        <message>
            <source>none</source>
            <translation>tidak ada</translation>
        </message>
        <message>
            <source>(no kecamatan)</source>
            <translation>(tanpa kecamatan)</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} dtk</translation>
        </message>
        <message>
            <source>{m} min {s:02d} s</source>
            <translation>{m} mnt {s:02d} dtk</translation>
        </message>
        <message>
            <source>{h} h {m:02d} min</source>
            <translation>{h} jam {m:02d} mnt</translation>
        </message>
    </context>
    <context>
        <name>ReportActions</name>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Laporan</translation>
        </message>
        <message>
            <source>Shift report (PDF, Excel, CSV)…</source>
            <translation>Laporan sif (PDF, Excel, CSV)…</translation>
        </message>
        <message>
            <source>Handover notes…</source>
            <translation>Catatan serah terima…</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Simpan laporan</translation>
        </message>
        <message>
            <source>Preparing the report…</source>
            <translation>Menyiapkan laporan…</translation>
        </message>
        <message>
            <source>Report saved: {path}</source>
            <translation>Laporan tersimpan: {path}</translation>
        </message>
        <message>
            <source>The report was not saved: {error}</source>
            <translation>Laporan tidak tersimpan: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Shift report</source>
            <translation>Laporan sif</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Sif</translation>
        </message>
        <message>
            <source>Date range</source>
            <translation>Rentang tanggal</translation>
        </message>
        <message>
            <source>PDF document</source>
            <translation>Dokumen PDF</translation>
        </message>
        <message>
            <source>Excel workbook (XLSX)</source>
            <translation>Buku kerja Excel (XLSX)</translation>
        </message>
        <message>
            <source>CSV file</source>
            <translation>Berkas CSV</translation>
        </message>
        <message>
            <source>Include the list of calls</source>
            <translation>Sertakan daftar panggilan</translation>
        </message>
        <message>
            <source>Show full caller numbers</source>
            <translation>Tampilkan nomor penelepon lengkap</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Simpan sebagai…</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>This help</source>
            <translation>Bantuan ini</translation>
        </message>
        <message>
            <source>New call: capture the ring time, type the number</source>
            <translation>Panggilan baru: catat waktu dering, ketik nomor</translation>
        </message>
        <message>
            <source>Emergency: open the incident form</source>
            <translation>Darurat: buka formulir kejadian</translation>
        </message>
        <message>
            <source>Go to the queue</source>
            <translation>Pindah ke antrean</translation>
        </message>
        <message>
            <source>Log the call as prank</source>
            <translation>Catat panggilan sebagai iseng</translation>
        </message>
        <message>
            <source>Log the call as silent</source>
            <translation>Catat panggilan sebagai diam</translation>
        </message>
        <message>
            <source>Log the call as dropped</source>
            <translation>Catat panggilan sebagai terputus</translation>
        </message>
        <message>
            <source>Log the call as wrong number</source>
            <translation>Catat panggilan sebagai salah sambung</translation>
        </message>
        <message>
            <source>Log the call as information</source>
            <translation>Catat panggilan sebagai informasi</translation>
        </message>
        <message>
            <source>Log the call as test</source>
            <translation>Catat panggilan sebagai uji coba</translation>
        </message>
        <message>
            <source>Save the incident form</source>
            <translation>Simpan formulir kejadian</translation>
        </message>
        <message>
            <source>Link the call to the proposed duplicate</source>
            <translation>Tautkan panggilan ke duplikat yang diusulkan</translation>
        </message>
        <message>
            <source>Pick the location on the map</source>
            <translation>Pilih lokasi di peta</translation>
        </message>
        <message>
            <source>Close the incident form (the call stays open)</source>
            <translation>Tutup formulir kejadian (panggilan tetap aktif)</translation>
        </message>
        <message>
            <source>Search the queue</source>
            <translation>Cari di antrean</translation>
        </message>
        <message>
            <source>Saved views: active, waiting, sensitive, today, all</source>
            <translation>Tampilan tersimpan: aktif, menunggu, sensitif, hari ini, semua</translation>
        </message>
        <message>
            <source>Move in the queue; the detail follows</source>
            <translation>Bergerak di antrean; rincian mengikuti</translation>
        </message>
        <message>
            <source>Dispatch units to the selected incident</source>
            <translation>Kirim unit ke kejadian terpilih</translation>
        </message>
        <message>
            <source>Add a note to the selected incident</source>
            <translation>Tambah catatan pada kejadian terpilih</translation>
        </message>
        <message>
            <source>Unit board: en route, on scene, returning, available, out of service</source>
            <translation>Papan unit: menuju lokasi, di lokasi, kembali, siaga, tidak beroperasi</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Keluar</translation>
        </message>
    </context>
    <context>
        <name>SyncFeature</name>
        <message>
            <source>Changes not sent…</source>
            <translation>Perubahan yang belum terkirim…</translation>
        </message>
        <message>
            <source>Workstations…</source>
            <translation>Meja kerja…</translation>
        </message>
        <message>
            <source>{count} changes made offline were sent to the database</source>
            <translation>{count} perubahan yang dibuat saat luring telah dikirim ke basis data</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message>
            <source>Live updates</source>
            <translation>Pembaruan langsung</translation>
        </message>
        <message>
            <source>Changes from other workstations arrive at once (LISTEN/NOTIFY).</source>
            <translation>Perubahan dari meja kerja lain langsung diterima (LISTEN/NOTIFY).</translation>
        </message>
        <message>
            <source>Offline: working locally</source>
            <translation>Luring: bekerja secara lokal</translation>
        </message>
        <message>
            <source>The shared database cannot be reached. Calls, incidents and status changes are kept on this computer and sent when it is back.</source>
            <translation>Basis data bersama tidak dapat dijangkau. Panggilan, kejadian, dan perubahan status disimpan di komputer ini dan dikirim setelah koneksi pulih.</translation>
        </message>
        <message>
            <source>Updates every second</source>
            <translation>Diperbarui setiap detik</translation>
        </message>
        <message>
            <source>This console asks the database for changes every second.</source>
            <translation>Konsol ini memeriksa perubahan di basis data setiap detik.</translation>
        </message>
        <message>
            <source>{count} waiting to send</source>
            <translation>{count} menunggu dikirim</translation>
        </message>
        <message>
            <source>{count} need attention</source>
            <translation>{count} perlu ditindaklanjuti</translation>
        </message>
    </context>
    <context>
        <name>TrendPanel</name>
        <message>
            <source>Calls per shift</source>
            <translation>Panggilan per sif</translation>
        </message>
        <message>
            <source>Prank ratio</source>
            <translation>Rasio panggilan iseng</translation>
        </message>
        <message>
            <source>Answered within 15 s</source>
            <translation>Dijawab dalam 15 detik</translation>
        </message>
        <message>
            <source>Answer time</source>
            <translation>Waktu jawab</translation>
        </message>
        <message>
            <source>P1 dispatched within 60 s</source>
            <translation>P1 dikirim dalam 60 detik</translation>
        </message>
        <message>
            <source>Response time</source>
            <translation>Waktu tanggap</translation>
        </message>
        <message>
            <source>Incidents per shift</source>
            <translation>Kejadian per sif</translation>
        </message>
        <message>
            <source>Last 30 shifts</source>
            <translation>30 sif terakhir</translation>
        </message>
        <message>
            <source>Trend of:</source>
            <translation>Tren:</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>Tidak ada data</translation>
        </message>
        <message>
            <source>target {v:g} %</source>
            <translation>target {v:g} %</translation>
        </message>
        <message>
            <source>median</source>
            <translation>median</translation>
        </message>
        <message>
            <source>90th percentile</source>
            <translation>persentil ke-90</translation>
        </message>
        <message>
            <source>target 15 s</source>
            <translation>target 15 detik</translation>
        </message>
        <message>
            <source>median (min)</source>
            <translation>median (menit)</translation>
        </message>
        <message>
            <source>90th percentile (min)</source>
            <translation>persentil ke-90 (menit)</translation>
        </message>
    </context>
    <context>
        <name>UnitsModel</name>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Sejak</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Kejadian</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>Pos</translation>
        </message>
    </context>
    <context>
        <name>UnitsPanel</name>
        <message>
            <source>Selected unit: Ctrl+1 en route · Ctrl+2 on scene · Ctrl+3 returning · Ctrl+4 available · Ctrl+5 out of service</source>
            <translation>Unit terpilih: Ctrl+1 menuju lokasi · Ctrl+2 di lokasi · Ctrl+3 kembali · Ctrl+4 siaga · Ctrl+5 tidak beroperasi</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Accounts</source>
            <translation>Akun pengguna</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nama pengguna</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Keadaan</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Tambah akun</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Disable / enable</source>
            <translation>Nonaktifkan / aktifkan</translation>
        </message>
        <message>
            <source>Set a new password…</source>
            <translation>Atur kata sandi baru…</translation>
        </message>
        <message>
            <source>Change role…</source>
            <translation>Ubah peran…</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktif</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>nonaktif</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>terkunci</translation>
        </message>
        <message>
            <source>Account {username} created</source>
            <translation>Akun {username} dibuat</translation>
        </message>
        <message>
            <source>Account {username} changed</source>
            <translation>Akun {username} diubah</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Kata sandi baru</translation>
        </message>
        <message>
            <source>New password for {username}:</source>
            <translation>Kata sandi baru untuk {username}:</translation>
        </message>
        <message>
            <source>Password of {username} changed</source>
            <translation>Kata sandi {username} diubah</translation>
        </message>
    </context>
</TS>
