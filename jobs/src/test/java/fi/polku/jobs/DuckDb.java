package fi.polku.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Polku's Parquet with DuckDB (JDBC), an engine independent of Spark, as a student's tool would. */
public final class DuckDb {
    private DuckDb() {
    }

    /** The glob DuckDB reads a table's Parquet files with. */
    public static String table(Path root, String name) {
        return "'" + root.resolve(name).toAbsolutePath() + "/*.parquet'";
    }

    /** Rows of a query as column → value maps, in result order. */
    public static List<Map<String, Object>> query(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A single number. */
    public static long count(String sql) {
        return ((Number) query(sql).get(0).values().iterator().next()).longValue();
    }
}
