// Throwaway timing probe (not committed).
use std::time::Instant;
use secrecy::SecretString;
use tether_store::followup::{DueWindow, PageRange, TaskFilter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let vault = &args[1];
    let paths = tether_store::VaultPaths::new(std::path::Path::new(vault));
    let pass = SecretString::from("perf passphrase for the window".to_owned());
    if args.len() > 2 {
        let conn = tether_store::inspect::open_raw(&paths, "coord", &pass).unwrap();
        for sql in &args[2..] {
            let t = Instant::now();
            let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let rows: Vec<String> = st.query_map([], |r| r.get::<_, String>(3)).unwrap().map(|r| r.unwrap()).collect();
            println!("{sql}\n  plan: {rows:?}");
            let mut st = conn.prepare(sql).unwrap();
            let n = st.query_map([], |_| Ok(())).unwrap().count();
            println!("  {n} rows in {:?}", t.elapsed());
        }
        return;
    }
    let t = Instant::now();
    let mut s = tether_store::unlock(&paths, "coord", &pass).unwrap();
    println!("unlock {:?}", t.elapsed());
    let today = s.today();
    let now = chrono::Utc::now();
    macro_rules! time { ($name:expr, $e:expr) => {{ let t = Instant::now(); let r = $e; println!("{:<28} {:>9.1} ms", $name, t.elapsed().as_secs_f64()*1000.0); r }} }
    let w = DueWindow::until(today + chrono::Days::new(7));
    let overdue = DueWindow::until(today.pred_opt().unwrap());
    let r = PageRange { offset: 0, limit: 200 };
    time!("calls_due (all)", s.calls_due(today + chrono::Days::new(7), now).unwrap().len());
    let p = time!("calls_due_page overdue 0", s.calls_due_page(overdue, now, r).unwrap());
    println!("   total {}", p.total);
    time!("calls_due_page overdue end", s.calls_due_page(overdue, now, PageRange{offset: p.total.saturating_sub(200), limit: 200}).unwrap().items.len());
    time!("calls_due_page all 0", s.calls_due_page(w, now, r).unwrap().items.len());
    let tw = DueWindow::until(today + chrono::Days::new(30));
    time!("tasks (all)", s.tasks(today + chrono::Days::new(30)).unwrap().len());
    let p = time!("tasks_page overdue", s.tasks_page(TaskFilter::any_kind(DueWindow::until(today.pred_opt().unwrap())), r).unwrap());
    println!("   total {}", p.total);
    time!("tasks_page 30d", s.tasks_page(TaskFilter::any_kind(tw), r).unwrap().total);
    time!("tasks_page eoir33", s.tasks_page(TaskFilter::of_kind(tw, "eoir33").unwrap(), r).unwrap().total);
    time!("tasks_due_count", s.tasks_due_count(today).unwrap());
    time!("dashboard", s.dashboard(today).unwrap().open_flags);
    time!("red_flags", s.red_flags().unwrap().len());
    time!("list_sponsors", s.list_sponsors().unwrap().len());
    time!("hearings 42d", s.hearings_between(today, today + chrono::Days::new(42)).unwrap().len());
    time!("list_children", s.list_children(0, 200, tether_store::casework::ListFilter::default()).unwrap().len());
}
