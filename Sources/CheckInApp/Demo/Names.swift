/// Names the demo and benchmark gyms are populated with: common Egyptian and Levantine names in
/// Arabic script, and Latin-script names, as a gym in Cairo or Amman would hold.
enum Names {
  static let arabicFirst = [
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "عمر", "يوسف", "خالد", "إبراهيم", "حسن", "حسين",
    "كريم", "طارق", "ياسر", "هشام", "سامي", "فاطمة", "مريم", "نور", "سارة", "هدى", "منى", "ياسمين",
    "ريم", "سلمى", "دينا", "رنا", "لينا", "آية", "إيمان",
  ]
  static let arabicLast = [
    "السيد", "حسن", "إبراهيم", "عبد الله", "محمود", "علي", "سالم", "الشريف", "منصور", "فاروق",
    "نبيل", "سمير", "عادل", "الخطيب", "حداد", "زكي", "رمضان", "عثمان", "يوسف", "الجمال",
  ]
  static let latinFirst = [
    "Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Ali", "Omar", "Youssef", "Khaled", "Ibrahim",
    "Hassan", "Karim", "Tarek", "Yasser", "Hesham", "Sami", "Fatma", "Mariam", "Nour", "Sara",
    "Hoda", "Mona", "Yasmin", "Reem", "Salma", "Dina", "Rana", "Lina", "Aya", "Iman", "José",
    "Zoë", "Chloé", "Anna", "David", "Lukas",
  ]
  static let latinLast = [
    "El-Sayed", "Hassan", "Ibrahim", "Abdallah", "Mahmoud", "Ali", "Salem", "El-Sherif",
    "Mansour", "Farouk", "Nabil", "Samir", "Adel", "Khatib", "Haddad", "Zaki", "Ramadan",
    "Osman", "Youssef", "Gamal", "Müller", "García", "Novák",
  ]
}
