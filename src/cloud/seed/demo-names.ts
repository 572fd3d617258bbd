// Given names and surnames for generated people, from many languages and regions so that a
// demo directory looks like a real international company. Each list is unique after ASCII folding
// (checked by a test), which keeps generated UPNs unique.

export const GIVEN_NAMES: readonly string[] = [
  // English-speaking countries
  "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
  "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
  "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
  "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
  "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
  "Ronald", "Rebecca", "Jason", "Sharon", "Edward", "Laura", "Jeffrey", "Cynthia", "Ryan", "Amy",
  "Jacob", "Kathleen", "Gary", "Angela", "Nicholas", "Shirley", "Eric", "Brenda", "Jonathan", "Emma",
  "Stephen", "Anna", "Justin", "Nicole", "Scott", "Samantha", "Brandon", "Katherine", "Benjamin", "Christine",
  "Samuel", "Helen", "Gregory", "Rachel", "Alexander", "Carolyn", "Patrick", "Janet", "Frank", "Olivia",
  "Jack", "Heather", "Tyler", "Julie", "Aaron", "Victoria", "Henry", "Kelly", "Adam", "Lauren",
  "Nathan", "Megan", "Zachary", "Hannah", "Kyle", "Grace", "Noah", "Madison", "Ethan", "Charlotte",
  "Owen", "Amelia", "Liam", "Freya", "Oliver", "Poppy", "Harry", "Isla", "Dylan", "Abigail",
  // Irish, Scottish, Welsh
  "Siobhan", "Niamh", "Ciaran", "Aoife", "Declan", "Saoirse", "Eoin", "Orla", "Rhys", "Cerys", "Callum", "Eilidh",
  // Spanish and Latin American
  "José", "Lucía", "Alejandro", "Sofía", "Carlos", "Valentina", "Javier", "Camila", "Miguel", "Isabel",
  "Diego", "Carmen", "Pablo", "Elena", "Mateo", "Paula", "Andrés", "Ximena", "Santiago", "Gabriela",
  // Portuguese and Brazilian
  "João", "Ana", "Pedro", "Beatriz", "Thiago", "Larissa", "Rafael", "Fernanda", "Gonçalo", "Inês",
  // French
  "Jean", "Camille", "Pierre", "Chloé", "Louis", "Manon", "Étienne", "Léa", "Hugo", "Amélie",
  "Mathieu", "Margaux", "Théo", "Élodie", "Antoine", "Juliette",
  // German-speaking countries
  "Lukas", "Lena", "Maximilian", "Johanna", "Felix", "Mia", "Jonas", "Tobias", "Katrin", "Florian",
  "Sabine", "Jürgen", "Anke", "Matthias", "Ute", "Sebastian", "Greta", "Moritz", "Leonie",
  // Dutch and Flemish
  "Daan", "Sanne", "Joost", "Femke", "Bram", "Lotte", "Anouk", "Pieter", "Eva", "Ruben", "Marieke", "Thijs", "Roos",
  // Nordic
  "Søren", "Freja", "Lars", "Ingrid", "Mikael", "Astrid", "Erik", "Sigrid", "Anders", "Linnea",
  "Henrik", "Maja", "Bjørn", "Saga", "Oskar", "Elin", "Jussi", "Aino", "Mikko", "Helmi",
  // Central and Eastern Europe
  "Łukasz", "Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Krzysztof", "Zofia", "Jakub", "Ewa",
  "Marek", "Tereza", "Ondřej", "Petra", "Dmitri", "Olga", "Sergei", "Natalia", "Ivan", "Tatiana",
  "Alexei", "Irina", "Oksana", "Andriy", "Yulia",
  // Italian and Greek
  "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Federica", "Matteo", "Giorgio", "Martina",
  "Lorenzo", "Alessia", "Davide", "Dimitris", "Eleni", "Nikos", "Katerina", "Giorgos",
  // Turkish, Arabic, Persian, Hebrew
  "Emre", "Ayşe", "Mehmet", "Zeynep", "Burak", "Elif", "Selin", "Kerem", "Deniz",
  "Omar", "Fatima", "Ahmed", "Layla", "Youssef", "Amira", "Khalid", "Noor", "Hassan", "Yasmin",
  "Karim", "Rania", "Tariq", "Salma", "Ali", "Reza", "Shirin", "Darius", "Parisa", "Arash", "Neda",
  "Noam", "Tamar", "Eitan", "Yael", "Avi", "Shira",
  // South Asia
  "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Divya", "Rahul", "Sneha",
  "Sanjay", "Neha", "Amit", "Pooja", "Ravi", "Meera", "Karthik", "Lakshmi", "Siddharth", "Aditi",
  "Harpreet", "Gurpreet", "Imran", "Ayesha", "Bilal", "Sana", "Farhan", "Nusrat",
  // East and South-East Asia
  "Wei", "Jing", "Hao", "Xin", "Yan", "Jun", "Mei", "Lei", "Ying", "Fang", "Qiang", "Xiaoming", "Tao",
  "Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kenji", "Yuki", "Takeshi", "Sakura", "Hiroshi", "Emi", "Daiki",
  "Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Hyun-woo", "Ji-woo",
  "Minh", "Linh", "Thanh", "Somchai", "Ploy", "Putri", "Budi", "Dewi", "Marisol",
  // Africa
  "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Kwame", "Ama", "Kofi", "Abena", "Tunde", "Folake",
  "Thabo", "Zanele", "Sipho", "Nomvula", "Wanjiru", "Amara", "Jabari", "Aisha", "Emeka", "Chiamaka", "Yaw",
  // Pacific
  "Kai", "Leilani", "Tane", "Aroha",
];

export const SURNAMES: readonly string[] = [
  // English-speaking countries
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
  "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
  "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
  "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
  "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks",
  "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Ross", "Foster", "Powell", "Jenkins",
  "Perry", "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Patterson", "Jordan", "Reynolds", "Hamilton",
  "Graham", "Wallace", "Cole", "West", "Hayes", "Ellis", "Marshall", "Fletcher", "Kennedy", "Lawson",
  "Barnes", "Holmes", "Palmer", "Chapman", "Spencer", "Hart", "Lloyd", "Knight", "Webb", "Hunt",
  "Stone", "Dixon", "Shaw", "Porter", "Mason", "Hudson",
  // Irish, Scottish, Welsh
  "O'Brien", "O'Connor", "Byrne", "Doyle", "Quinn", "Gallagher", "Kavanagh", "Nolan", "Brennan", "Walsh",
  "MacLeod", "McDonald", "Robertson", "Murray", "Ferguson", "Fraser", "Davies", "Pritchard", "Llewellyn", "Vaughan",
  // Spanish and Latin American
  "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
  "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz",
  "Álvarez", "Mendoza", "Castillo", "Jiménez", "Vargas", "Romero", "Herrera", "Medina", "Aguilar", "Núñez",
  "Navarro", "Iglesias", "Delgado", "Fuentes", "Domínguez",
  // Portuguese and Brazilian
  "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Almeida", "Carvalho", "Ribeiro",
  "Gomes", "Lima", "Araújo", "Barbosa", "Rocha", "Teixeira",
  // French and French-Canadian
  "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Leroy", "Roux", "Bertrand", "Fontaine",
  "Girard", "Bonnet", "Lambert", "Rousseau", "Chevalier", "Faure", "Mercier", "Blanc", "Guérin", "Gagnon",
  "Tremblay", "Bouchard", "Côté", "Pelletier",
  // German-speaking countries
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
  "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann", "Braun",
  "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Huber", "Gruber", "Steiner",
  // Dutch and Flemish
  "de Vries", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "de Jong", "van den Berg", "Mulder", "de Boer",
  "Peeters", "Maes", "Willems",
  // Nordic
  "Hansen", "Nielsen", "Jensen", "Pedersen", "Larsen", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson",
  "Lindqvist", "Haugen", "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Halvorsen", "Lund",
  // Central and Eastern Europe
  "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Novák", "Svoboda",
  "Dvořák", "Horváth", "Nagy", "Kovács", "Popescu", "Ionescu", "Ivanov", "Smirnov", "Kuznetsov", "Sokolov",
  "Volkov", "Kovalenko", "Shevchenko", "Bondarenko", "Melnyk",
  // Italian and Greek
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Giordano", "Lombardi", "Moretti", "Papadopoulos", "Georgiou",
  "Nikolaidis", "Christodoulou", "Karagiannis",
  // Turkish, Arabic, Persian, Hebrew
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
  "Haddad", "Khalil", "Nasser", "Hussein", "Mansour", "Saleh", "Aziz", "Farouk", "Hamdan", "Al-Sayed",
  "Hosseini", "Rahimi", "Karimi", "Moradi", "Cohen", "Levi", "Mizrahi", "Friedman", "Katz", "Peretz",
  // South Asia
  "Patel", "Sharma", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Rao", "Mehta",
  "Joshi", "Desai", "Chopra", "Kapoor", "Malhotra", "Banerjee", "Chatterjee", "Menon", "Pillai", "Verma",
  "Agarwal", "Krishnan", "Qureshi", "Rahman",
  // East and South-East Asia
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
  "Xu", "Sun", "Zhu", "Guo", "Lin", "Gao", "Tang", "Wong", "Chan", "Leung", "Ng", "Tan", "Lim", "Lee",
  "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
  "Yoshida", "Yamada", "Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Han",
  "Nguyen", "Tran", "Pham", "Hoang", "Phan", "Vu", "Reyes", "Cruz", "Bautista", "Wijaya", "Susanto",
  // Africa
  "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Boateng", "Asante", "Owusu", "Nkosi", "Dlamini", "Mokoena",
  "Ndlovu", "Mwangi", "Otieno", "Abubakar", "Eze", "Balogun", "Diallo", "Traoré", "Keita", "Haile",
  "Tesfaye", "Bekele",
  // Pacific
  "Kealoha", "Ngata", "Tuilagi",
];
