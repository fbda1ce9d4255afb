"""Names and phrases in each script a book meets, shared by the PDF, DOCX and GUI tests."""

from __future__ import annotations

NAMES = {
    "Thai": "สีหศักดิ์ พวงเกตุแก้ว",
    "Thai words": "การหลอกลวงทางออนไลน์ข้ามชาติ กระทรวงการต่างประเทศ",
    "Lao": "ທ່ານ ສອນໄຊ ສີພັນດອນ ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດ",
    "Khmer": "សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត នាយករដ្ឋមន្ត្រី",
    "Myanmar": "ဦးသန်းရွှေ နိုင်ငံခြားရေးဝန်ကြီးဌာန",
    "Arabic": "محمد بن سلمان",
    "Chinese": "王毅 外交部长",
    "Vietnamese": "Lê Anh Tuấn, Thứ trưởng Bộ Ngoại giao",
    "emoji": "🙂 👍🏽 ☎",
}
