/**
 * Uploads on Apache Spark, with the guarantees the toolkit gives on one machine. Start at
 * {@link org.chunkedupload.spark.SparkUpload}: {@code uploadObject} sends the parts of one giant object
 * from executors and completes on the driver; {@code uploadFiles} spreads many files over executors.
 * Executors open their store from an {@link org.chunkedupload.spark.ExecutorConfig} (a configuration
 * file present on every node, or settings without secrets); credentials come from each executor's
 * environment and are never part of a task.
 */
package org.chunkedupload.spark;
